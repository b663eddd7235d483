import Foundation

/// A folder on the computer as uremote sends it to a board (`cp -r`, `sync`, `watch`): folders
/// parents-first, files sorted by relative path, with sizes read once.
public struct LocalTree: Sendable, Equatable {
    public struct File: Sendable, Equatable {
        public var relativePath: String
        public var localPath: String
        public var size: Int
    }

    /// Folders, parents before children.
    public var directories: [String]
    /// Files sorted by relative path.
    public var files: [File]

    /// Walks `root`, leaving out what `excludes(relativePath, isDirectory)` says (and anything
    /// below an excluded folder). A dangling symlink has no content to send and is skipped.
    /// `operation` names the command in error messages.
    public static func walk(_ root: String, operation: String,
                            excludes: (String, Bool) -> Bool = { _, _ in false }) throws -> LocalTree {
        var directories: [String] = []
        var files: [File] = []
        func visit(_ relative: String) throws {
            let dir = relative.isEmpty ? root : (root as NSString).appendingPathComponent(relative)
            let names: [String]
            do { names = try FileManager.default.contentsOfDirectory(atPath: dir).sorted() }
            catch { throw BoardFileError.local("\(operation): cannot read directory \(dir)") }
            for name in names {
                let rel = relative.isEmpty ? name : relative + "/" + name
                let path = (root as NSString).appendingPathComponent(rel)
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
                if excludes(rel, isDirectory.boolValue) { continue }
                if isDirectory.boolValue {
                    directories.append(rel)
                    try visit(rel)
                } else {
                    files.append(File(relativePath: rel, localPath: path, size: try size(of: path, operation: operation)))
                }
            }
        }
        try visit("")
        return LocalTree(directories: directories, files: files.sorted { $0.relativePath < $1.relativePath })
    }

    static func size(of path: String, operation: String) throws -> Int {
        do {
            return (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        } catch {
            throw BoardFileError.local("\(operation): cannot read \(path)")
        }
    }
}
