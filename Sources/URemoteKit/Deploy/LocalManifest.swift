import Foundation

/// The folder `sync` makes the board match: every folder and file under it that the ignore
/// rules keep, with paths relative to the folder and sizes (contents are read only when needed).
public struct LocalManifest {
    public struct File: Sendable, Equatable {
        public var relativePath: String
        public var localPath: String
        public var size: Int
    }

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
            return LocalManifest(directories: [], files: [File(relativePath: name, localPath: root, size: try size(of: root))])
        }
        var directories: [String] = []
        var files: [File] = []
        func visit(_ relative: String) throws {
            let dir = relative.isEmpty ? root : (root as NSString).appendingPathComponent(relative)
            let names: [String]
            do { names = try FileManager.default.contentsOfDirectory(atPath: dir).sorted() }
            catch { throw BoardFileError.local("sync: cannot read folder \(dir)") }
            for name in names {
                let rel = relative.isEmpty ? name : relative + "/" + name
                let path = (root as NSString).appendingPathComponent(rel)
                var childIsDir: ObjCBool = false
                // A dangling symlink has no target to send; skip it like git would.
                guard FileManager.default.fileExists(atPath: path, isDirectory: &childIsDir) else { continue }
                if rules.matches(rel, isDirectory: childIsDir.boolValue) { continue }
                if childIsDir.boolValue {
                    directories.append(rel)
                    try visit(rel)
                } else {
                    files.append(File(relativePath: rel, localPath: path, size: try size(of: path)))
                }
            }
        }
        try visit("")
        return LocalManifest(directories: directories, files: files.sorted { $0.relativePath < $1.relativePath })
    }

    private static func size(of path: String) throws -> Int {
        do {
            return (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        } catch {
            throw BoardFileError.local("sync: cannot read \(path)")
        }
    }
}
