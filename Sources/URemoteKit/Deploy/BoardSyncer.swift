import Foundation

/// `sync`: makes a board folder match a local folder. Planning costs one execution
/// (`RemoteSnapshot`); applying costs one execution for removals and new folders and one
/// streamed upload for every changed file, through the filesystem's safe writer (temporary
/// file, verify, rename), so an interrupted sync never leaves a truncated file in place.
public final class BoardSyncer {
    public struct Options: Sendable {
        /// Remove board files that are not in the folder (excluded paths are always kept).
        public var delete = false
        /// Plan only; the board is not changed.
        public var dryRun = false
        /// gitignore-style patterns added after `.uremoteignore`.
        public var excludes: [String] = []
        /// Upload `.py` modules compiled to `.mpy` when the host's `mpy-cross` suits the board.
        public var compileToMpy = false

        public init(delete: Bool = false, dryRun: Bool = false, excludes: [String] = [], compileToMpy: Bool = false) {
            self.delete = delete
            self.dryRun = dryRun
            self.excludes = excludes
            self.compileToMpy = compileToMpy
        }
    }

    public let fileSystem: BoardFileSystem
    public var options: Options
    /// Things the user should know that did not stop the sync (such as `--mpy` falling back to
    /// sources), one line each.
    public internal(set) var notices: [String] = []
    /// Where `--mpy` put compiled files; removed with the syncer.
    var compiledFolder: URL?

    public init(fileSystem: BoardFileSystem, options: Options = .init()) {
        self.fileSystem = fileSystem
        self.options = options
    }

    deinit {
        if let compiledFolder { try? FileManager.default.removeItem(at: compiledFolder) }
    }

    /// Decides what to do without changing anything.
    public func plan(local: String, remote: String) throws -> SyncPlan {
        let rules = try IgnoreRules.forFolder(Self.folder(of: local), extra: options.excludes)
        var manifest = try LocalManifest.scan(local, rules: rules)
        var replacedSources: [String] = []
        if options.compileToMpy { (manifest, replacedSources) = try compilingModules(manifest) }
        let sizes = Dictionary(manifest.files.map { ($0.relativePath, $0.size) }, uniquingKeysWith: { a, _ in a })
        let snapshot = try RemoteSnapshot.take(root: remote, sizes: sizes, runner: fileSystem.runner,
                                               timeout: fileSystem.options.hostTimeout)
        var plan = try SyncPlan.make(local: manifest, remote: snapshot, rules: rules, delete: options.delete)
        if !snapshot.rootExists && !remote.isEmpty { plan.directoriesToCreate.insert("", at: 0) }
        for source in replacedSources where !plan.filesToDelete.contains(source) {
            if case .file? = snapshot.entries[source] { plan.filesToDelete.append(source) }
        }
        return plan
    }

    /// Plans, then (unless `dryRun`) applies. Returns the plan that was carried out.
    @discardableResult
    public func sync(local: String, remote: String) throws -> SyncPlan {
        let plan = try plan(local: local, remote: remote)
        if !options.dryRun { try apply(plan, remote: remote) }
        return plan
    }

    /// Carries out `plan` under the board folder `remote`.
    public func apply(_ plan: SyncPlan, remote: String) throws {
        let path = { (relative: String) in relative.isEmpty ? remote : RemotePath.join(remote, relative) }
        if !plan.filesToDelete.isEmpty || !plan.directoriesToDelete.isEmpty || !plan.directoriesToCreate.isEmpty {
            let code = """
                import os
                for p in \(PythonLiteral.list(plan.filesToDelete.map(path))):os.remove(p)
                for p in \(PythonLiteral.list(plan.directoriesToDelete.map(path))):os.rmdir(p)
                for p in \(PythonLiteral.list(plan.directoriesToCreate.map(path))):os.mkdir(p)
                """
            do {
                _ = try fileSystem.runner.runCode(code, timeout: fileSystem.options.hostTimeout)
            } catch BoardFileError.boardException(let traceback) {
                throw BoardFileSystem.error(fromTraceback: traceback, operation: "sync", path: remote.isEmpty ? "." : remote)
            }
        }
        guard !plan.uploads.isEmpty else { return }
        var items: [UploadItem] = []
        for upload in plan.uploads {
            items.append(UploadItem(data: try LocalFile.read(upload.localPath), remotePath: path(upload.relativePath),
                                    label: upload.relativePath))
        }
        try fileSystem.upload(items)
    }

    /// Where `.uremoteignore` is looked for: the folder itself, or a single file's folder.
    static func folder(of local: String) -> String {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: local, isDirectory: &isDir), !isDir.boolValue {
            return (local as NSString).deletingLastPathComponent
        }
        return local
    }
}
