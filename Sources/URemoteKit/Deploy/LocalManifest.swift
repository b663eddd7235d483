import Foundation

/// The folder `sync` makes the board match: every folder and file under it that the ignore
/// rules keep, with paths relative to the folder and sizes (contents are read only when needed).
public struct LocalManifest {
    public typealias File = LocalTree.File

    /// Folders, parents before children.
    public var directories: [String]
    /// Files sorted by relative path.
    public var files: [File]

    /// Walks `root`; a single file is a manifest of that one file named by its basename.
    public static func scan(_ root: String, rules: IgnoreRules) throws -> LocalManifest {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDir) else {
            throw BoardFileError.usage("sync: \(root): no such file or directory")
        }
        guard isDir.boolValue else {
            let name = (root as NSString).lastPathComponent
            return LocalManifest(directories: [], files: [File(relativePath: name, localPath: root, size: try LocalTree.size(of: root, operation: "sync"))])
        }
        let tree = try LocalTree.walk(root, operation: "sync") { rules.matches($0, isDirectory: $1) }
        return LocalManifest(directories: tree.directories, files: tree.files)
    }
}
