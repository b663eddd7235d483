import Foundation

/// Host-side file writes that never leave a truncated file where a good one was: the bytes go
/// to a temporary file beside the destination, which is renamed over it only when complete.
enum LocalFile {
    static func read(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
                throw BoardFileError.usage("cp: -r not specified; omitting directory")
            }
            throw BoardFileError.local("cp: cannot read \(path): No such file or directory")
        }
        return [UInt8](data)
    }

    /// Writes `bytes` to `path` atomically (temporary file + rename).
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
        let temp = path + ".uremote-tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temp, contents: Data(bytes)) else {
            throw BoardFileError.local("cp: cannot write \(path): \(String(cString: strerror(errno)))")
        }
        if rename(temp, path) != 0 {
            let message = String(cString: strerror(errno))
            unlink(temp)
            throw BoardFileError.local("cp: cannot write \(path): \(message)")
        }
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }

    static func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }
}
