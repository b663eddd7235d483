import Crypto
import Foundation

/// What `sync` will do to make the board match the folder, decided on the host from the local
/// manifest and one `RemoteSnapshot`, so `--dry-run` can show it without touching the board.
public struct SyncPlan: Sendable, Equatable {
    public enum Reason: String, Sendable, Codable {
        case new, changed
    }

    public struct Upload: Sendable, Equatable {
        public var relativePath: String
        public var localPath: String
        public var size: Int
        public var reason: Reason
    }

    /// Folders to create, parents first (relative paths).
    public var directoriesToCreate: [String] = []
    public var uploads: [Upload] = []
    /// Board files to remove (relative), only with `--delete` or to replace a folder by a file.
    public var filesToDelete: [String] = []
    /// Board folders to remove, children before parents.
    public var directoriesToDelete: [String] = []
    /// Files already identical on the board.
    public var unchanged: [String] = []

    public var isEmpty: Bool {
        directoriesToCreate.isEmpty && uploads.isEmpty && filesToDelete.isEmpty && directoriesToDelete.isEmpty
    }

    public var uploadBytes: Int { uploads.reduce(0) { $0 + $1.size } }

    /// Compares the two sides. Board paths the rules exclude are never deleted. A type clash (a
    /// file here where the board has a folder, or the reverse) needs `delete`, because resolving
    /// it removes board data. `digest` hashes a local file with the snapshot's algorithm.
    public static func make(local: LocalManifest, remote: RemoteSnapshot, rules: IgnoreRules, delete: Bool,
                            digest: (LocalManifest.File, String) throws -> String = SyncPlan.localDigest) throws -> SyncPlan {
        var plan = SyncPlan()
        var removals = Set<String>()
        func clash(_ path: String, _ what: String) throws {
            guard delete else {
                throw BoardFileError.usage("sync: '\(path)' is \(what); add --delete to replace it")
            }
            removals.insert(path)
        }
        for dir in local.directories {
            switch remote.entries[dir] {
            case .directory?: continue
            case .file?: try clash(dir, "a file on the board but a folder here")
            case nil: break
            }
            plan.directoriesToCreate.append(dir)
        }
        for file in local.files {
            switch remote.entries[file.relativePath] {
            case .directory?:
                try clash(file.relativePath, "a folder on the board but a file here")
                plan.uploads.append(Upload(relativePath: file.relativePath, localPath: file.localPath, size: file.size, reason: .new))
            case .file(let size, let remoteDigest)?:
                if size == file.size, !remoteDigest.isEmpty, !remote.algorithm.isEmpty,
                   try digest(file, remote.algorithm) == remoteDigest {
                    plan.unchanged.append(file.relativePath)
                } else {
                    plan.uploads.append(Upload(relativePath: file.relativePath, localPath: file.localPath, size: file.size, reason: .changed))
                }
            case nil:
                plan.uploads.append(Upload(relativePath: file.relativePath, localPath: file.localPath, size: file.size, reason: .new))
            }
        }
        let localPaths = Set(local.directories).union(local.files.map(\.relativePath))
        if delete {
            for (path, entry) in remote.entries where !localPaths.contains(path) {
                if !rules.excludes(path, isDirectory: entry == .directory) { removals.insert(path) }
            }
        }
        // Everything under a removed folder goes too; a folder holding a protected (excluded)
        // file stays, and so do its ancestors.
        var expanded = removals
        var protected: [String] = []
        for (path, entry) in remote.entries where removals.contains(where: { path.hasPrefix($0 + "/") }) {
            if rules.excludes(path, isDirectory: entry == .directory) { protected.append(path) } else { expanded.insert(path) }
        }
        for path in protected {
            var parent = path
            while let slash = parent.lastIndex(of: "/") {
                parent = String(parent[..<slash])
                expanded.remove(parent)
            }
        }
        // A kept folder's protected content blocks a clash resolution.
        for path in removals where !expanded.contains(path) && localPaths.contains(path) {
            throw BoardFileError.usage("sync: cannot replace the board's folder '\(path)': it holds excluded files")
        }
        for path in expanded.sorted() {
            if remote.entries[path] == .directory { plan.directoriesToDelete.append(path) }
            else { plan.filesToDelete.append(path) }
        }
        plan.directoriesToDelete.sort { $0.split(separator: "/").count > $1.split(separator: "/").count }
        return plan
    }

    /// Hex digest of a local file, for comparison with the board's.
    public static func localDigest(_ file: LocalManifest.File, _ algorithm: String) throws -> String {
        let data = try LocalFile.read(file.localPath)
        guard let hasher = HostHash(algorithm) else { return "" }
        return hexString(hasher.digest(data))
    }
}
