import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A host folder presented as the board's filesystem. Python paths are mapped under `root` after
/// removing `..`, and symlinks that resolve outside `root` are refused, so code on the board can
/// never touch the rest of the host. With `capacity`, writes that would take the folder past it
/// fail with ENOSPC, like a full flash chip.
public final class HostFolderFileSystem: FileSystem, @unchecked Sendable {
    public let root: String
    public let capacity: Int?
    private let realRoot: String
    private let lock = NSLock()

    public init(root: String, capacity: Int? = nil) {
        var r = root
        while r.count > 1 && r.hasSuffix("/") { r.removeLast() }
        self.root = r
        self.capacity = capacity
        self.realRoot = (r as NSString).resolvingSymlinksInPath
    }

    /// Maps a board path to a host path, or throws when it would leave the sandbox.
    func hostPath(_ path: String) throws -> String {
        var parts: [Substring] = []
        for c in path.split(separator: "/") {
            if c == "." || c.isEmpty { continue }
            if c == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(c)
        }
        let host = parts.isEmpty ? root : root + "/" + parts.joined(separator: "/")
        // Refuse symlinks that escape the root (checked on the deepest existing ancestor).
        var probe = host
        while !FileManager.default.fileExists(atPath: probe) && probe.count > root.count {
            probe = (probe as NSString).deletingLastPathComponent
        }
        let real = (probe as NSString).resolvingSymlinksInPath
        if real != realRoot && !real.hasPrefix(realRoot + "/") { throw FileSystemError.access }
        return host
    }

    private func errnoError() -> FileSystemError { FileSystemError(errno: Int32(errno)) }

    public func stat(_ path: String) throws -> FileStat {
        let p = try hostPath(path)
        var st = Glibc.stat()
        if posixStat(p, &st) != 0 { throw errnoError() }
        let isDir = (st.st_mode & S_IFMT) == S_IFDIR
        return FileStat(isDirectory: isDir, size: isDir ? 0 : Int(st.st_size), modificationTime: Int(st.st_mtim.tv_sec))
    }

    public func listDirectory(_ path: String) throws -> [String] {
        let p = try hostPath(path)
        let st = try stat(path)
        if !st.isDirectory { throw FileSystemError.notDirectory }
        guard let items = try? FileManager.default.contentsOfDirectory(atPath: p) else { throw FileSystemError.noEntry }
        return items.sorted()
    }

    public func open(_ path: String, mode: String) throws -> FileHandle {
        let p = try hostPath(path)
        var flags: Int32
        let plus = mode.contains("+")
        if mode.contains("w") { flags = (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_TRUNC }
        else if mode.contains("a") { flags = (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_APPEND }
        else if mode.contains("x") { flags = (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_EXCL }
        else { flags = plus ? O_RDWR : O_RDONLY }
        if let st = try? stat(path), st.isDirectory { throw FileSystemError.isDirectory }
        let fd = Glibc.open(p, flags | O_CLOEXEC, 0o644)
        if fd < 0 { throw errnoError() }
        return HostFile(fd: fd, fileSystem: self)
    }

    public func mkdir(_ path: String) throws {
        let p = try hostPath(path)
        if Glibc.mkdir(p, 0o755) != 0 { throw errnoError() }
    }

    public func rmdir(_ path: String) throws {
        let p = try hostPath(path)
        if p == root { throw FileSystemError.access }
        if Glibc.rmdir(p) != 0 { throw errnoError() }
    }

    public func remove(_ path: String) throws {
        let p = try hostPath(path)
        if let st = try? stat(path), st.isDirectory { throw FileSystemError.isDirectory }
        if Glibc.unlink(p) != 0 { throw errnoError() }
    }

    public func rename(_ from: String, _ to: String) throws {
        let a = try hostPath(from), b = try hostPath(to)
        if Glibc.rename(a, b) != 0 { throw errnoError() }
    }

    public func statvfs(_ path: String) throws -> FileSystemUsage {
        _ = try hostPath(path)
        let blockSize = 4096
        if let cap = capacity {
            let used = usedBytes()
            return FileSystemUsage(blockSize: blockSize, totalBlocks: cap / blockSize, freeBlocks: max(0, cap - used) / blockSize)
        }
        var vfs = Glibc.statvfs()
        if posixStatvfs(root, &vfs) != 0 { throw errnoError() }
        return FileSystemUsage(blockSize: Int(vfs.f_bsize), totalBlocks: Int(vfs.f_blocks), freeBlocks: Int(vfs.f_bavail))
    }

    /// Bytes used under root (files rounded to whole blocks would be stricter; sizes suffice).
    func usedBytes() -> Int {
        var total = 0
        if let e = FileManager.default.enumerator(atPath: root) {
            while let item = e.nextObject() as? String {
                if let attrs = try? FileManager.default.attributesOfItem(atPath: root + "/" + item),
                   (attrs[.type] as? FileAttributeType) == .typeRegular {
                    total += (attrs[.size] as? Int) ?? 0
                }
            }
        }
        return total
    }

    func checkSpace(adding n: Int) throws {
        guard let cap = capacity else { return }
        lock.lock(); defer { lock.unlock() }
        if usedBytes() + n > cap { throw FileSystemError.noSpace }
    }
}

final class HostFile: FileHandle {
    private var fd: Int32
    private let fileSystem: HostFolderFileSystem
    init(fd: Int32, fileSystem: HostFolderFileSystem) { self.fd = fd; self.fileSystem = fileSystem }
    deinit { if fd >= 0 { Glibc.close(fd) } }

    func read(maxCount: Int) throws -> [UInt8] {
        if fd < 0 { throw FileSystemError.badFile }
        var buf = [UInt8](repeating: 0, count: max(0, maxCount))
        let n = buf.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, maxCount) }
        if n < 0 { throw FileSystemError(errno: Int32(errno)) }
        return Array(buf[0..<n])
    }
    func write(_ bytes: [UInt8]) throws -> Int {
        if fd < 0 { throw FileSystemError.badFile }
        if fileSystem.capacity != nil {
            // Only growth counts against capacity.
            let pos = Glibc.lseek(fd, 0, SEEK_CUR)
            var st = Glibc.stat()
            fstat(fd, &st)
            let growth = max(0, Int(pos) + bytes.count - Int(st.st_size))
            try fileSystem.checkSpace(adding: growth)
        }
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, bytes.count - written) }
            if n < 0 { throw FileSystemError(errno: Int32(errno)) }
            written += n
        }
        return written
    }
    func seek(offset: Int, whence: Int) throws -> Int {
        if fd < 0 { throw FileSystemError.badFile }
        let r = Glibc.lseek(fd, off_t(offset), Int32(whence))
        if r < 0 { throw FileSystemError(errno: Int32(errno)) }
        return Int(r)
    }
    func tell() throws -> Int { try seek(offset: 0, whence: 1) }
    func flush() throws {}
    func close() throws {
        if fd >= 0 { Glibc.close(fd); fd = -1 }
    }
}

private func posixStat(_ path: String, _ st: inout Glibc.stat) -> Int32 { stat(path, &st) }
private func posixStatvfs(_ path: String, _ st: inout Glibc.statvfs) -> Int32 { statvfs(path, &st) }
