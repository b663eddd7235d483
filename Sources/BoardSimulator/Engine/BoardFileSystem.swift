import Foundation
import PythonInterpreter

/// The filesystem Python sees on the board: the flash folder at `/`, plus filesystems mounted
/// from Python (`os.mount` of a user VFS object, as mpremote's `mount` does), plus
/// CircuitPython's rule that the flash is read-only to Python while the USB drive is attached.
final class BoardFileSystem: FileSystem, @unchecked Sendable {
    private let flash: FileSystem
    private let lock = NSLock()
    private let services: BoardServices
    private var mounts: [String] = []
    /// The Python function `_dispatch(op, mount_point, path_or_file, *args)` of the board set-up.
    private var dispatcher: Value?

    init(flash: FileSystem, services: BoardServices) {
        self.flash = flash
        self.services = services
    }

    /// CircuitPython: true while the host "owns" the drive; storage.remount in boot.py flips it.
    var readOnly: Bool { services.usbDriveOwnsFlash }

    func setDispatcher(_ value: Value) {
        lock.lock()
        dispatcher = value
        lock.unlock()
    }

    func addMount(_ point: String) {
        lock.lock()
        if !mounts.contains(point) { mounts.append(point) }
        mounts.sort { $0.count > $1.count }
        lock.unlock()
    }

    func removeMount(_ point: String) {
        lock.lock()
        mounts.removeAll { $0 == point }
        lock.unlock()
    }

    /// A reset forgets every mount, as the VFS table lives in RAM.
    func unmountAll() {
        lock.lock()
        mounts.removeAll()
        dispatcher = nil
        lock.unlock()
    }

    /// The mount point and the path inside it, when `path` lies in a mounted filesystem.
    private func route(_ path: String) -> (point: String, inner: String, dispatch: Value)? {
        lock.lock()
        defer { lock.unlock() }
        guard let dispatcher else { return nil }
        for point in mounts where path == point || path.hasPrefix(point + "/") {
            let inner = String(path.dropFirst(point.count))
            return (point, inner.isEmpty ? "/" : inner, dispatcher)
        }
        return nil
    }

    private func checkWritable() throws {
        if readOnly { throw FileSystemError.readOnly }
    }

    private func call(_ dispatch: Value, _ op: String, _ point: String, _ args: [Value]) throws -> Value {
        try dispatch.call([.string(op), .string(point)] + args)
    }

    // MARK: FileSystem

    func stat(_ path: String) throws -> FileStat {
        if let (point, inner, dispatch) = route(path) {
            // A mount point is a directory without asking the filesystem, as MicroPython's VFS
            // layer answers chdir() into it; mpremote's RemoteFS cannot talk to the host yet then.
            if inner == "/" { return FileStat(isDirectory: true, size: 0, modificationTime: 0) }
            let fields = try call(dispatch, "stat", point, [.string(inner)]).arrayValue ?? []
            let mode = fields.first?.intValue ?? 0
            return FileStat(isDirectory: mode & 0x4000 != 0,
                            size: fields.count > 1 ? fields[1].intValue ?? 0 : 0,
                            modificationTime: fields.count > 2 ? fields[2].intValue ?? 0 : 0)
        }
        return try flash.stat(path)
    }

    func listDirectory(_ path: String) throws -> [String] {
        if let (point, inner, dispatch) = route(path) {
            let names = try call(dispatch, "list", point, [.string(inner)]).arrayValue ?? []
            return names.compactMap { $0.stringValue }
        }
        var names = try flash.listDirectory(path)
        if path == "/" {
            lock.lock()
            let tops = mounts.filter { $0.dropFirst().contains("/") == false }.map { String($0.dropFirst()) }
            lock.unlock()
            for name in tops where !names.contains(name) { names.append(name) }
        }
        return names
    }

    func open(_ path: String, mode: String) throws -> PythonInterpreter.FileHandle {
        if let (point, inner, dispatch) = route(path) {
            let binary = mode.contains("b") ? mode : mode.replacingOccurrences(of: "t", with: "") + "b"
            let file = try call(dispatch, "open", point, [.string(inner), .string(binary)])
            return MountedFileHandle(file: file, dispatch: dispatch, point: point)
        }
        if mode.contains("w") || mode.contains("a") || mode.contains("+") || mode.contains("x") {
            try checkWritable()
        }
        return try flash.open(path, mode: mode)
    }

    func mkdir(_ path: String) throws {
        if let (point, inner, dispatch) = route(path) {
            _ = try call(dispatch, "mkdir", point, [.string(inner)])
            return
        }
        try checkWritable()
        try flash.mkdir(path)
    }

    func rmdir(_ path: String) throws {
        // The root is the VFS root, which MicroPython refuses to remove with EPERM (mpremote's
        // `rm -r :/` reports exactly that after emptying it).
        if path == "/" { throw FileSystemError(errno: 1) }
        if let (point, inner, dispatch) = route(path) {
            _ = try call(dispatch, "rmdir", point, [.string(inner)])
            return
        }
        try checkWritable()
        try flash.rmdir(path)
    }

    func remove(_ path: String) throws {
        if let (point, inner, dispatch) = route(path) {
            _ = try call(dispatch, "remove", point, [.string(inner)])
            return
        }
        try checkWritable()
        try flash.remove(path)
    }

    func rename(_ from: String, _ to: String) throws {
        if let (point, inner, dispatch) = route(from) {
            guard let target = route(to), target.point == point else { throw FileSystemError(errno: 18) }
            _ = try call(dispatch, "rename", point, [.string(inner), .string(target.inner)])
            return
        }
        if route(to) != nil { throw FileSystemError(errno: 18) }
        try checkWritable()
        try flash.rename(from, to)
    }

    func statvfs(_ path: String) throws -> FileSystemUsage {
        if let (point, inner, dispatch) = route(path) {
            let fields = try call(dispatch, "statvfs", point, [.string(inner)]).arrayValue ?? []
            let numbers = fields.map { $0.intValue ?? 0 }
            guard numbers.count >= 4 else { return FileSystemUsage(blockSize: 4096, totalBlocks: 0, freeBlocks: 0) }
            return FileSystemUsage(blockSize: numbers[0], totalBlocks: numbers[2], freeBlocks: numbers[3])
        }
        return try flash.statvfs(path)
    }
}

/// A file opened on a Python-mounted filesystem; every call goes back into Python.
final class MountedFileHandle: PythonInterpreter.FileHandle {
    private let file: Value
    private let dispatch: Value
    private let point: String

    init(file: Value, dispatch: Value, point: String) {
        self.file = file
        self.dispatch = dispatch
        self.point = point
    }

    private func call(_ op: String, _ args: [Value]) throws -> Value {
        try dispatch.call([.string(op), .string(point), file] + args)
    }

    func read(maxCount: Int) throws -> [UInt8] {
        let value = try call("read", [.int(maxCount)])
        if let bytes = value.bytesValue { return bytes }
        if let text = value.stringValue { return Array(text.utf8) }
        return []
    }

    func write(_ bytes: [UInt8]) throws -> Int {
        try call("write", [Value.makeBytes(bytes)]).intValue ?? bytes.count
    }

    func seek(offset: Int, whence: Int) throws -> Int {
        try call("seek", [.int(offset), .int(whence)]).intValue ?? 0
    }

    func tell() throws -> Int {
        try call("seek", [.int(0), .int(1)]).intValue ?? 0
    }

    func flush() throws {
        _ = try call("flush", [])
    }

    func close() throws {
        _ = try call("close", [])
    }
}
