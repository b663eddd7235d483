#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Answers the agent's filesystem requests from a host folder.
///
/// Every path goes through `MountSandbox`. A file opened for writing is written to a temporary
/// file beside its target and renamed over it on close, so a board that disconnects mid-write
/// leaves the old file (or none), never a truncated one; `discardUnfinishedWrites` removes the
/// temporaries of writes that never closed.
final class MountFileServer {
    let sandbox: MountSandbox
    /// The agent can inflate: file blocks worth compressing are sent deflated (status 255).
    var compressesBlocks = false
    private var files: [UInt32: OpenFile] = [:]
    private var nextHandle: UInt32 = 1
    private var temporaryCounter = 0

    private struct OpenFile {
        let descriptor: Int32
        /// For writes: the temporary being written and where it goes on close.
        let temporary: String?
        let target: String?
    }

    init(folder: String, allowsOutsideLinks: Bool) throws(MountErrno) {
        sandbox = try MountSandbox(folder: folder, allowsOutsideLinks: allowsOutsideLinks)
    }

    deinit {
        discardUnfinishedWrites()
    }

    /// The answer frame for `request`.
    func answer(_ request: MountRequest) -> [UInt8] {
        var cursor = PayloadCursor(request.payload)
        do {
            let payload: [UInt8]
            switch request.op {
            case .stat: payload = try stat(&cursor)
            case .list: payload = try listing(ofHostPath: sandbox.hostPath(cursor.restAsString()), forCache: false)
            case .open: payload = try open(&cursor)
            case .read: payload = try read(&cursor)
            case .write: payload = try write(&cursor)
            case .close: payload = try close(&cursor)
            case .remove: payload = try remove(cursor.restAsString())
            case .rename: payload = try rename(&cursor)
            case .mkdir:
                let path = try sandbox.hostPath(cursor.restAsString())
                payload = try check(mkdir(path, 0o777))
            case .rmdir:
                let path = try sandbox.hostPath(cursor.restAsString(), followingFinalLink: false)
                payload = try check(Posix.rmdir(path))
            case .statvfs: payload = try statvfs()
            case .answered: return []  // a notice, not a question: `MountLink` handles it
            }
            if compressesBlocks && (request.op == .open || request.op == .read) && payload.count >= 256,
               let packed = RawDeflate.compress(payload), packed.count * 5 < payload.count * 4 {
                return MountWire.answer(status: MountWire.deflatedStatus, payload: packed)
            }
            return MountWire.answer(status: 0, payload: payload)
        } catch {
            return MountWire.answer(status: error.code, payload: [])
        }
    }

    /// Closes every open file and puts the writes the board's program left open in place, as
    /// MicroPython closes such files when a program's filesystem goes away cleanly (unmount,
    /// soft reset). A write whose close fails is discarded, never half-placed.
    func commitUnfinishedWrites() {
        for file in files.values {
            let closed = Posix.close(file.descriptor)
            if let temporary = file.temporary, let target = file.target {
                if closed != 0 || Posix.rename(temporary, target) != 0 { unlink(temporary) }
            }
        }
        files.removeAll()
    }

    /// Closes every open file and deletes the temporaries of writes that were never closed.
    func discardUnfinishedWrites() {
        for file in files.values {
            Posix.close(file.descriptor)
            if let temporary = file.temporary { unlink(temporary) }
        }
        files.removeAll()
    }

    // MARK: Requests

    private func stat(_ cursor: inout PayloadCursor) throws(MountErrno) -> [UInt8] {
        let wantsListing = try cursor.byte() != 0
        let boardPath = try cursor.restAsString()
        var answer: [UInt8] = []
        do {
            let info = try statInfo(try sandbox.hostPath(boardPath))
            answer.append(0)
            answer.appendLittleEndian(info.mode)
            answer.appendLittleEndian(info.size)
            answer.appendLittleEndian(info.mtime)
        } catch {
            answer.append(error.code)
            answer.append(contentsOf: [UInt8](repeating: 0, count: 12))
        }
        let parentPath = boardPath.lastIndex(of: "/").map { String(boardPath[..<$0]) } ?? ""
        if wantsListing, let host = try? sandbox.hostPath(parentPath.isEmpty ? "/" : parentPath),
           let list = try? listing(ofHostPath: host, forCache: true) {
            answer.append(1)
            answer.append(contentsOf: list)
        } else {
            answer.append(0)
        }
        return answer
    }

    /// Entries as the agent parses them: mode, size, mtime (u32 each), name length, name. For
    /// the stat cache a symlink gets mode 0 ("ask the host"), so its stat goes through the
    /// sandbox; a directory too large to cache throws.
    private func listing(ofHostPath path: String, forCache: Bool) throws(MountErrno) -> [UInt8] {
        guard let directory = opendir(path) else { throw MountErrno.current }
        defer { closedir(directory) }
        var bytes: [UInt8] = []
        var count = 0
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            let nameBytes = Array(name.utf8)
            if nameBytes.count > 255 { continue }
            count += 1
            if forCache && count > MountWire.listingLimit { throw MountErrno.invalid }
            let full = (path == "/" ? "" : path) + "/" + name
            var info = FileInfo(mode: 0, size: 0, mtime: 0)
            var raw = Posix.FileStatus()
            if lstat(full, &raw) == 0 {
                if (raw.st_mode & S_IFMT) == S_IFLNK {
                    // ilistdir shows what the link points at when the sandbox allows it, else a
                    // plain name whose use fails with EPERM.
                    if !forCache {
                        let boardPath = String(full.dropFirst(sandbox.root.count))
                        let target = try? sandbox.hostPath(boardPath.isEmpty ? "/" : boardPath)
                        info = target.flatMap { try? statInfo($0) } ?? FileInfo(mode: 0x8000, size: 0, mtime: 0)
                    }
                } else {
                    info = FileInfo(raw)
                }
            }
            bytes.appendLittleEndian(info.mode)
            bytes.appendLittleEndian(info.size)
            bytes.appendLittleEndian(info.mtime)
            bytes.append(UInt8(nameBytes.count))
            bytes.append(contentsOf: nameBytes)
        }
        return bytes
    }

    private func open(_ cursor: inout PayloadCursor) throws(MountErrno) -> [UInt8] {
        let mode = try cursor.string(until: 0)
        let path = try sandbox.hostPath(try cursor.restAsString())
        let kind = mode.first ?? "r"
        let plus = mode.contains("+")
        if kind == "r" && !plus {
            return try openForReading(path)
        }
        guard "wax".contains(kind) || (kind == "r" && plus) else { throw MountErrno.invalid }
        var existing = Posix.FileStatus()
        let exists = Posix.status(path, &existing) == 0
        if exists && (existing.st_mode & S_IFMT) == S_IFDIR { throw MountErrno.isDirectory }
        if kind == "x" && exists { throw MountErrno.exists }
        if kind == "r" && !exists { throw MountErrno.noEntry }
        let target = exists ? sandbox.writeTarget(for: path) : path
        let temporary = temporaryName(beside: target)
        let descriptor = Posix.open(temporary, O_RDWR | O_CREAT | O_EXCL, 0o666)
        if descriptor < 0 { throw MountErrno.current }
        var size: UInt32 = 0
        if exists {
            fchmod(descriptor, existing.st_mode & 0o7777)
            if kind == "a" || kind == "r" {
                do {
                    size = try copyContents(of: target, into: descriptor)
                } catch {
                    Posix.close(descriptor)
                    unlink(temporary)
                    throw error
                }
            }
        }
        let handle = register(OpenFile(descriptor: descriptor, temporary: temporary, target: target))
        var answer: [UInt8] = []
        answer.appendLittleEndian(handle)
        answer.appendLittleEndian(size)
        return answer
    }

    /// A file that fits in one block comes back whole with handle 0, so the agent needs no
    /// further request for it, not even to close it: a module import is a single round trip.
    private func openForReading(_ path: String) throws(MountErrno) -> [UInt8] {
        let descriptor = Posix.open(path, O_RDONLY, 0)
        if descriptor < 0 { throw MountErrno.current }
        var info = Posix.FileStatus()
        if fstat(descriptor, &info) != 0 || (info.st_mode & S_IFMT) == S_IFDIR {
            Posix.close(descriptor)
            throw MountErrno.isDirectory
        }
        let size = UInt32(clamping: info.st_size)
        let first = try readBlock(descriptor, offset: 0, count: MountWire.readBlock)
        var handle: UInt32 = 0
        if Int(size) > first.count {
            handle = register(OpenFile(descriptor: descriptor, temporary: nil, target: nil))
        } else {
            Posix.close(descriptor)
        }
        var answer: [UInt8] = []
        answer.appendLittleEndian(handle)
        answer.appendLittleEndian(size)
        answer.append(contentsOf: first)
        return answer
    }

    private func read(_ cursor: inout PayloadCursor) throws(MountErrno) -> [UInt8] {
        let file = try openFile(cursor.u32())
        let offset = try cursor.u32()
        let count = min(Int(try cursor.u32()), 65536)
        return try readBlock(file.descriptor, offset: Int(offset), count: count)
    }

    private func write(_ cursor: inout PayloadCursor) throws(MountErrno) -> [UInt8] {
        let file = try openFile(cursor.u32())
        guard file.temporary != nil else { throw MountErrno.badHandle }
        var offset = Int(try cursor.u32())
        var data = cursor.rest()[...]
        while !data.isEmpty {
            let written = data.withUnsafeBytes { pwrite(file.descriptor, $0.baseAddress, $0.count, off_t(offset)) }
            if written < 0 {
                if errno == EINTR { continue }
                throw MountErrno.current
            }
            data = data.dropFirst(written)
            offset += written
        }
        return []
    }

    private func close(_ cursor: inout PayloadCursor) throws(MountErrno) -> [UInt8] {
        let handle = try cursor.u32()
        guard let file = files.removeValue(forKey: handle) else { throw MountErrno.badHandle }
        let closed = Posix.close(file.descriptor)
        if let temporary = file.temporary, let target = file.target {
            if closed != 0 || Posix.rename(temporary, target) != 0 {
                let failure = MountErrno.current
                unlink(temporary)
                throw failure
            }
        }
        return []
    }

    private func remove(_ boardPath: String) throws(MountErrno) -> [UInt8] {
        let path = try sandbox.hostPath(boardPath, followingFinalLink: false)
        var info = Posix.FileStatus()
        if lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR { throw MountErrno.isDirectory }
        return try check(unlink(path))
    }

    private func rename(_ cursor: inout PayloadCursor) throws(MountErrno) -> [UInt8] {
        let from = try sandbox.hostPath(try cursor.string(until: 0), followingFinalLink: false)
        let to = try sandbox.hostPath(try cursor.restAsString(), followingFinalLink: false)
        return try check(Posix.rename(from, to))
    }

    private func statvfs() throws(MountErrno) -> [UInt8] {
        var info = Posix.VolumeStatus()
        if Posix.volumeStatus(sandbox.root, &info) != 0 { throw MountErrno.current }
        var answer: [UInt8] = []
        for value in [UInt64(info.f_bsize), UInt64(info.f_frsize), UInt64(info.f_blocks), UInt64(info.f_bfree),
                      UInt64(info.f_bavail), UInt64(info.f_files), UInt64(info.f_ffree), UInt64(info.f_favail),
                      UInt64(info.f_flag), UInt64(info.f_namemax)] {
            answer.appendLittleEndian(UInt32(clamping: value))
        }
        return answer
    }

    // MARK: Helpers

    /// An empty answer for a call that returned 0, else the call's errno.
    private func check(_ result: Int32) throws(MountErrno) -> [UInt8] {
        if result != 0 { throw MountErrno.current }
        return []
    }

    private func statInfo(_ path: String) throws(MountErrno) -> FileInfo {
        var raw = Posix.FileStatus()
        if Posix.status(path, &raw) != 0 { throw MountErrno.current }
        return FileInfo(raw)
    }

    private func openFile(_ handle: UInt32) throws(MountErrno) -> OpenFile {
        guard let file = files[handle] else { throw MountErrno.badHandle }
        return file
    }

    private func register(_ file: OpenFile) -> UInt32 {
        let handle = nextHandle
        nextHandle = nextHandle == UInt32.max ? 1 : nextHandle + 1
        files[handle] = file
        return handle
    }

    private func temporaryName(beside target: String) -> String {
        temporaryCounter += 1
        let slash = target.lastIndex(of: "/")
        let directory = slash.map { String(target[..<$0]) } ?? "."
        let name = slash.map { String(target[target.index(after: $0)...]) } ?? target
        return "\(directory)/.\(name).uremote-\(getpid())-\(temporaryCounter)"
    }

    private func readBlock(_ descriptor: Int32, offset: Int, count: Int) throws(MountErrno) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: count)
        var got = 0
        while got < count {
            let n = buffer.withUnsafeMutableBytes {
                pread(descriptor, $0.baseAddress! + got, count - got, off_t(offset + got))
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw MountErrno.current
            }
            if n == 0 { break }
            got += n
        }
        buffer.removeLast(count - got)
        return buffer
    }

    private func copyContents(of path: String, into destination: Int32) throws(MountErrno) -> UInt32 {
        let source = Posix.open(path, O_RDONLY, 0)
        if source < 0 { throw MountErrno.current }
        defer { Posix.close(source) }
        var offset = 0
        while true {
            let block = try readBlock(source, offset: offset, count: 65536)
            if block.isEmpty { break }
            let written = block.withUnsafeBytes { pwrite(destination, $0.baseAddress, $0.count, off_t(offset)) }
            if written != block.count { throw MountErrno.io }
            offset += block.count
        }
        return UInt32(clamping: offset)
    }
}

/// The parts of a host `stat` the board sees, in MicroPython's terms.
struct FileInfo {
    let mode: UInt32
    let size: UInt32
    let mtime: UInt32

    init(mode: UInt32, size: UInt32, mtime: UInt32) {
        self.mode = mode
        self.size = size
        self.mtime = mtime
    }

    init(_ raw: Posix.FileStatus) {
        mode = (raw.st_mode & S_IFMT) == S_IFDIR ? 0x4000 : 0x8000
        size = UInt32(clamping: raw.st_size)
        mtime = UInt32(clamping: Posix.modificationSeconds(raw))
    }
}
