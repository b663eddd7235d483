import Crypto
import Foundation

/// `mip install`, compatible with mpremote's: the same package notations, index layout
/// (`INDEX/package/MPY/NAME/VERSION.json`, files at `INDEX/file/HH/HASH`), `--target` and
/// `--mpy` rules, and its `package.json` (`hashes`, `urls`, `deps`).
///
/// Unlike mpremote it works in two phases so a failure cannot leave half a package: every file
/// of the package and its dependencies is downloaded and verified against the index hashes on
/// the host first; only then is the board touched, with one round trip to find what is already
/// there and one streamed upload of the rest. If the upload fails, the files and folders this
/// install created are removed again.
public final class PackageInstaller {
    public struct File: Sendable, Equatable {
        /// Path under the target folder.
        public var path: String
        public var data: [UInt8]
    }

    public static let defaultIndex = "https://micropython.org/pi/v2"

    public var index: String
    public var fetcher: PackageFetcher
    /// Told what is happening (`Installing: lib/x.py`), as mpremote prints it.
    public var note: (String) -> Void

    public init(index: String = PackageInstaller.defaultIndex, fetcher: PackageFetcher = .init(),
                note: @escaping (String) -> Void = { _ in }) {
        self.index = index.hasSuffix("/") ? String(index.dropLast()) : index
        self.fetcher = fetcher
        self.note = note
    }

    // MARK: Phase 1: resolve and download on the host

    /// Every file `spec` (and its dependencies) consists of, downloaded and verified. `mpy` is
    /// the board's `.mpy` version, or nil for `.py` sources.
    public func resolve(_ spec: String, mpy: Int?) throws -> [File] {
        var files: [File] = []
        var seen = Set<String>()
        let (source, version) = PackageSource.parse(spec)
        try resolve(source, version: version, mpy: mpy, into: &files, seen: &seen)
        return files
    }

    private func resolve(_ source: PackageSource, version: String?, mpy: Int?,
                         into files: inout [File], seen: inout Set<String>) throws {
        switch source {
        case .file(let location):
            let name = location.split(separator: "/").last.map(String.init) ?? location
            files.append(File(path: name.split(separator: "?").first.map(String.init) ?? name, data: try fetcher.fetch(location)))
        case .indexed(let name, let version):
            let manifest = "\(index)/package/\(mpy.map(String.init) ?? "py")/\(name)/\(version).json"
            try resolveManifest(manifest, version: version, mpy: mpy, into: &files, seen: &seen)
        case .manifest(let location):
            try resolveManifest(location, version: version, mpy: mpy, into: &files, seen: &seen)
        }
    }

    private func resolveManifest(_ location: String, version: String?, mpy: Int?,
                                 into files: inout [File], seen: inout Set<String>) throws {
        guard seen.insert(location).inserted else { return }
        let bytes: [UInt8]
        do { bytes = try fetcher.fetch(location) }
        catch let error as BoardFileError where error.description.contains("not found") {
            throw BoardFileError.local("mip: package not found: \(location)")
        }
        guard let json = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
            throw BoardFileError.local("mip: \(location) is not a package.json")
        }
        let base = location.lastIndex(of: "/").map { String(location[..<$0]) } ?? "."
        for entry in json["hashes"] as? [[Any]] ?? [] {
            guard entry.count == 2, let path = entry[0] as? String, let short = entry[1] as? String, short.count >= 2 else {
                throw BoardFileError.local("mip: malformed 'hashes' entry in \(location)")
            }
            try Self.checkRelative(path, in: location)
            let url = "\(index)/file/\(short.prefix(2))/\(short)"
            let data = try fetcher.fetch(url)
            let actual = hexString(SHA256.hash(data: data))
            guard actual.hasPrefix(short.lowercased()) else {
                throw BoardFileError.verificationFailed(path: path, reason: "downloaded from \(url), its SHA-256 \(actual.prefix(short.count)) is not the index's \(short); nothing was installed")
            }
            files.append(File(path: path, data: data))
        }
        for entry in json["urls"] as? [[Any]] ?? [] {
            guard entry.count == 2, let path = entry[0] as? String, var url = entry[1] as? String else {
                throw BoardFileError.local("mip: malformed 'urls' entry in \(location)")
            }
            try Self.checkRelative(path, in: location)
            if !PackageSource.isRemote(url) && !url.hasPrefix("/") { url = base + "/" + url }
            files.append(File(path: path, data: try fetcher.fetch(PackageSource.rewrite(url, ref: version))))
        }
        for entry in json["deps"] as? [[Any]] ?? [] {
            guard let name = entry.first as? String else { continue }
            let depVersion = entry.count > 1 ? entry[1] as? String : nil
            let (source, parsedVersion) = PackageSource.parse(depVersion.map { name + "@" + $0 } ?? name)
            try resolve(source, version: parsedVersion, mpy: mpy, into: &files, seen: &seen)
        }
    }

    /// A package may only write inside the target folder.
    static func checkRelative(_ path: String, in location: String) throws {
        if path.hasPrefix("/") || path.split(separator: "/").contains("..") || path.isEmpty {
            throw BoardFileError.local("mip: \(location) names an unsafe path '\(path)'")
        }
    }

    // MARK: Phase 2: the board

    /// What an install did: files written and files already present with the right contents.
    public struct Outcome: Sendable, Equatable {
        public var installed: [String] = []
        public var existing: [String] = []
    }

    /// Writes `files` under `target`, skipping identical ones, removing what it created on failure.
    public func install(_ files: [File], target: String, fileSystem: BoardFileSystem) throws -> Outcome {
        var unique: [String: File] = [:]
        for file in files { unique[file.path] = file }
        let sizes = unique.mapValues(\.data.count)
        let snapshot = try RemoteSnapshot.take(root: target, sizes: sizes, runner: fileSystem.runner,
                                               timeout: fileSystem.options.hostTimeout)
        var outcome = Outcome()
        var uploads: [UploadItem] = []
        var directories: [String] = []
        if !snapshot.rootExists { directories.append(target) }
        for path in unique.keys.sorted() {
            guard let file = unique[path] else { continue }
            let remote = RemotePath.join(target, path)
            if case .file(let size, let digest)? = snapshot.entries[path], size == file.data.count,
               let hasher = HostHash(snapshot.algorithm), digest == hexString(hasher.digest(file.data)) {
                note("Exists: \(remote)")
                outcome.existing.append(remote)
                continue
            }
            var parent = ""
            for component in path.split(separator: "/").dropLast() {
                parent = parent.isEmpty ? String(component) : parent + "/" + component
                if snapshot.entries[parent] == nil && !directories.contains(RemotePath.join(target, parent)) {
                    directories.append(RemotePath.join(target, parent))
                }
            }
            note("Installing: \(remote)")
            uploads.append(UploadItem(data: file.data, remotePath: remote, label: path))
            outcome.installed.append(remote)
        }
        let created = outcome.installed.filter { p in
            let relative = String(p.dropFirst(RemotePath.join(target, "").count))
            return snapshot.entries[relative] == nil
        }
        do {
            if !directories.isEmpty {
                _ = try fileSystem.runner.runCode("import os\nfor p in \(PythonLiteral.list(directories)):os.mkdir(p)\n",
                                                  timeout: fileSystem.options.hostTimeout)
            }
            try fileSystem.upload(uploads)
        } catch {
            // Leave no partial package: remove what this install added (files, then new folders).
            let cleanup = "import os\nfor p in \(PythonLiteral.list(created)):\n try:os.remove(p)\n except OSError:pass\n"
                + "for p in \(PythonLiteral.list(directories.reversed())):\n try:os.rmdir(p)\n except OSError:pass\n"
            _ = try? fileSystem.runner.runCode(cleanup, timeout: fileSystem.options.hostTimeout)
            throw error
        }
        return outcome
    }
}
