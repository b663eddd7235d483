import Crypto
import Foundation

/// `cp` as mpremote defines it (`:` marks board paths, a directory destination takes the source's
/// name, `-r` for trees, unchanged files skipped unless forced), done in as few round trips as
/// the protocol allows: one call plans a whole tree (existence, sizes, hashes where sizes match,
/// directories created) and one execution uploads every changed file.
public final class BoardCopier {
    public let fileSystem: BoardFileSystem
    /// Copy even when the destination already holds identical bytes.
    public var force: Bool
    /// Receives mpremote's per-file notes (`Up to date: x`).
    public var note: (String) -> Void

    public init(fileSystem: BoardFileSystem, force: Bool = false, note: @escaping (String) -> Void = { _ in }) {
        self.fileSystem = fileSystem
        self.force = force
        self.note = note
    }

    /// Copies one source; `multiple` says the command had several sources, so the destination
    /// must be an existing directory.
    public func copy(_ source: String, to destination: String, recursive: Bool, multiple: Bool = false) throws {
        switch (source.hasPrefix(":"), destination.hasPrefix(":")) {
        case (false, true):
            let local = recursive ? Self.trimTrailingSeparators(source) : source
            if LocalFile.isDirectory(local) {
                guard recursive else { throw BoardFileError.usage("cp: -r not specified; omitting directory") }
                try uploadTree(local, to: Self.trimTrailingSeparators(String(destination.dropFirst())))
            } else {
                try uploadFile(LocalFile.read(local), name: Self.localBasename(local),
                               to: String(destination.dropFirst()), multiple: multiple)
            }
        case (true, false):
            let remote = String(source.dropFirst())
            if recursive, try fileSystem.isDirectory(remote) {
                try downloadTree(RemotePath.stripTrailingSlashes(remote), to: Self.trimTrailingSeparators(destination))
            } else {
                try downloadFile(remote, to: destination, multiple: multiple)
            }
        case (true, true):
            let remote = String(source.dropFirst())
            if recursive, try fileSystem.isDirectory(remote) {
                // Through a local staging copy: one download execution, one plan, one upload.
                let stage = FileManager.default.temporaryDirectory.appendingPathComponent("uremote-cp-\(UUID().uuidString)")
                defer { try? FileManager.default.removeItem(at: stage) }
                let name = RemotePath.basename(RemotePath.stripTrailingSlashes(remote))
                let local = stage.appendingPathComponent(name.isEmpty || name == "." ? "root" : name).path
                try FileManager.default.createDirectory(at: stage, withIntermediateDirectories: true)
                try downloadTree(RemotePath.stripTrailingSlashes(remote), to: local)
                try uploadTree(local, to: Self.trimTrailingSeparators(String(destination.dropFirst())))
                return
            }
            let data = try readRemote(remote)
            try uploadFile(data, name: RemotePath.basename(remote), to: String(destination.dropFirst()), multiple: multiple)
        case (false, false):
            if recursive && LocalFile.isDirectory(source) {
                try copyLocalTree(Self.trimTrailingSeparators(source), to: Self.trimTrailingSeparators(destination))
                return
            }
            guard !LocalFile.isDirectory(source) else { throw BoardFileError.usage("cp: -r not specified; omitting directory") }
            var target = destination
            if LocalFile.isDirectory(target) { target = (target as NSString).appendingPathComponent(Self.localBasename(source)) }
            try LocalFile.writeAtomically(LocalFile.read(source), to: target)
        }
    }

    /// `cp -r` between two host folders, with the same rule as to the board: into an existing
    /// folder, else as the new name; every file written atomically.
    private func copyLocalTree(_ source: String, to destination: String) throws {
        let target = LocalFile.isDirectory(destination)
            ? (destination as NSString).appendingPathComponent(Self.localBasename(source)) : destination
        let walk = try LocalTree.walk(source, operation: "cp")
        do {
            try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
            for directory in walk.directories {
                try FileManager.default.createDirectory(atPath: (target as NSString).appendingPathComponent(directory),
                                                        withIntermediateDirectories: true)
            }
        } catch {
            throw BoardFileError.local("cp: cannot create \(target): \(error.localizedDescription)")
        }
        for file in walk.files {
            try LocalFile.writeAtomically(LocalFile.read(file.localPath),
                                          to: (target as NSString).appendingPathComponent(file.relativePath))
        }
    }

    // MARK: To the board

    /// The board hashes only when its hashlib has SHA-256 (the helper checks), so asking costs
    /// no extra round trip; a board that cannot sends no digest and the file is copied.
    private func hashAlgorithmForCheck() throws -> String {
        force ? "" : "sha256"
    }

    private func uploadFile(_ data: [UInt8], name: String, to destination: String, multiple: Bool) throws {
        let forcedDirectory = destination.count > 1 && destination.hasSuffix("/")
        let dest = forcedDirectory ? RemotePath.stripTrailingSlashes(destination) : destination
        let algorithm = try hashAlgorithmForCheck()
        let code = "_ur_cp(\(PythonLiteral.string(dest)),\(PythonLiteral.string(name)),[],[('',\(data.count))],'\(algorithm)',0)"
        let plan = try CopyPlan.parse(fileSystem.call(code, operation: "cp", path: dest))
        if (forcedDirectory || multiple) && !plan.destinationIsDirectory {
            throw BoardFileError.usage(plan.destinationExists || !multiple
                ? "cp: destination is not a directory" : "cp: destination does not exist")
        }
        let target = plan.root
        if case .present(let mode, let size, let sha) = plan.files.first {
            if mode & 0x4000 != 0 { throw BoardFileError.os(operation: "cp", path: target, errno: BoardErrno.isDirectory) }
            if !algorithm.isEmpty, size == data.count, sha == hexString(SHA256.hash(data: data)) {
                note("Up to date: \(target)")
                return
            }
        }
        try fileSystem.upload([UploadItem(data: data, remotePath: target, label: name)])
    }

    private func uploadTree(_ localRoot: String, to destination: String) throws {
        let walk = try LocalTree.walk(localRoot, operation: "cp")
        let algorithm = try hashAlgorithmForCheck()
        let files = walk.files.map { "(\(PythonLiteral.string($0.relativePath)),\($0.size))" }.joined(separator: ",")
        let code = "_ur_cp(\(PythonLiteral.string(destination)),\(PythonLiteral.string(Self.localBasename(localRoot))),"
            + "\(PythonLiteral.list(walk.directories)),[\(files)],'\(algorithm)',1)"
        let plan = try CopyPlan.parse(fileSystem.call(code, operation: "cp", path: destination))
        if let (errno, path) = plan.directoryErrors.first {
            throw BoardFileError.fromErrno(errno, operation: "cp", path: path)
        }
        var items: [UploadItem] = []
        for (index, file) in walk.files.enumerated() {
            let remote = RemotePath.join(plan.root, file.relativePath)
            let state = index < plan.files.count ? plan.files[index] : .missing
            if case .failed(let errno) = state { throw BoardFileError.fromErrno(errno, operation: "cp", path: remote) }
            // Read lazily: unchanged files are only hashed when the board's size matched.
            if case .present(_, let size, let sha) = state, !algorithm.isEmpty, size == file.size, !sha.isEmpty {
                let data = try LocalFile.read(file.localPath)
                if sha == hexString(SHA256.hash(data: data)) {
                    note("Up to date: \(remote)")
                    continue
                }
                items.append(UploadItem(data: data, remotePath: remote, label: file.relativePath))
                continue
            }
            items.append(UploadItem(data: try LocalFile.read(file.localPath), remotePath: remote, label: file.relativePath))
        }
        try fileSystem.upload(items)
    }

    // MARK: From the board

    private func readRemote(_ path: String) throws -> [UInt8] {
        do {
            return try fileSystem.readFile(path)
        } catch let error as BoardFileError where error.errno == BoardErrno.isDirectory {
            throw BoardFileError.usage("cp: -r not specified; omitting directory")
        }
    }

    private func downloadFile(_ remote: String, to destination: String, multiple: Bool) throws {
        let exists = LocalFile.exists(destination)
        let isDir = LocalFile.isDirectory(destination)
        if multiple && !exists { throw BoardFileError.usage("cp: destination does not exist") }
        if multiple && !isDir { throw BoardFileError.usage("cp: destination is not a directory") }
        let target = isDir ? (destination as NSString).appendingPathComponent(RemotePath.basename(remote)) : destination
        let data = try readRemote(remote)
        try LocalFile.writeAtomically(data, to: target)
    }

    private func downloadTree(_ remoteRoot: String, to destination: String) throws {
        let nodes = try fileSystem.tree(remoteRoot, exactSizes: true)
        let base = LocalFile.exists(destination)
            ? (destination as NSString).appendingPathComponent(RemotePath.basename(remoteRoot)) : destination
        var directories: [String] = [base]
        var files: [(remote: String, local: String, size: Int)] = []
        func visit(_ nodes: [RemoteTreeNode], remote: String, local: String) {
            for node in nodes {
                let r = RemotePath.join(remote, node.entry.name)
                let l = (local as NSString).appendingPathComponent(node.entry.name)
                if node.entry.isDirectory {
                    directories.append(l)
                    visit(node.children, remote: r, local: l)
                } else {
                    files.append((r, l, node.entry.size))
                }
            }
        }
        visit(nodes, remote: remoteRoot, local: base)
        for dir in directories where !LocalFile.isDirectory(dir) {
            do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
            catch { throw BoardFileError.local("cp: cannot create directory \(dir)") }
        }
        files.sort { $0.remote < $1.remote }
        try fileSystem.download(files.map(\.remote), sizes: files.map(\.size), labels: files.map(\.remote)) { index, bytes in
            try LocalFile.writeAtomically(bytes, to: files[index].local)
        }
    }

    // MARK: Local paths

    static func trimTrailingSeparators(_ path: String) -> String {
        RemotePath.stripTrailingSlashes(path)
    }

    static func localBasename(_ path: String) -> String {
        (RemotePath.stripTrailingSlashes(path) as NSString).lastPathComponent
    }
}
