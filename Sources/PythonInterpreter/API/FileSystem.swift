import Foundation

/// Why a filesystem operation failed, as an errno value so Python sees `OSError(errno)` exactly
/// as on a board (ENOENT=2, EEXIST=17, ENOSPC=28, EROFS=30, EISDIR=21, ENOTDIR=20, EINVAL=22...).
public struct FileSystemError: Error, Sendable, Equatable {
    public let errno: Int32
    public init(errno: Int32) { self.errno = errno }
    public static let noEntry = FileSystemError(errno: 2)
    public static let io = FileSystemError(errno: 5)
    public static let badFile = FileSystemError(errno: 9)
    public static let access = FileSystemError(errno: 13)
    public static let exists = FileSystemError(errno: 17)
    public static let notDirectory = FileSystemError(errno: 20)
    public static let isDirectory = FileSystemError(errno: 21)
    public static let invalid = FileSystemError(errno: 22)
    public static let noSpace = FileSystemError(errno: 28)
    public static let readOnly = FileSystemError(errno: 30)
    public static let notEmpty = FileSystemError(errno: 39)
}

public struct FileStat: Sendable, Equatable {
    public var isDirectory: Bool
    public var size: Int
    /// Seconds since the Unix epoch.
    public var modificationTime: Int
    public init(isDirectory: Bool, size: Int, modificationTime: Int) {
        self.isDirectory = isDirectory; self.size = size; self.modificationTime = modificationTime
    }
}

public struct FileSystemUsage: Sendable, Equatable {
    public var blockSize: Int
    public var totalBlocks: Int
    public var freeBlocks: Int
    public init(blockSize: Int, totalBlocks: Int, freeBlocks: Int) {
        self.blockSize = blockSize; self.totalBlocks = totalBlocks; self.freeBlocks = freeBlocks
    }
}

/// An open file. Byte-oriented: text decoding happens in the interpreter.
public protocol FileHandle: AnyObject {
    /// Up to maxCount bytes; empty at end of file.
    func read(maxCount: Int) throws -> [UInt8]
    func write(_ bytes: [UInt8]) throws -> Int
    /// whence: 0 start, 1 current, 2 end. Returns the new position.
    func seek(offset: Int, whence: Int) throws -> Int
    func tell() throws -> Int
    func flush() throws
    func close() throws
}

/// What open(), os.* and imports from files go through. Paths are absolute ("/lib/x.py");
/// the interpreter keeps the working directory and resolves relative paths itself.
/// Errors thrown are `FileSystemError`.
public protocol FileSystem: AnyObject, Sendable {
    func stat(_ path: String) throws -> FileStat
    func listDirectory(_ path: String) throws -> [String]
    /// mode as in Python: "r", "w", "a", "r+", "w+", "a+", "x" (with optional "b"/"t").
    func open(_ path: String, mode: String) throws -> FileHandle
    func mkdir(_ path: String) throws
    func rmdir(_ path: String) throws
    func remove(_ path: String) throws
    func rename(_ from: String, _ to: String) throws
    func statvfs(_ path: String) throws -> FileSystemUsage
}
