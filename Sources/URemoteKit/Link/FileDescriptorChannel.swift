#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Time-bounded reads and writes on a non-blocking terminal file descriptor, shared by the serial
/// and pseudo-terminal links so both detect a vanished board the same way (POLLHUP, EIO).
final class FileDescriptorChannel: @unchecked Sendable {
    let name: String
    private let lock = NSLock()
    private var descriptor: Int32
    /// How long a write may wait for the device to accept bytes before it counts as stuck.
    var writeTimeout: Duration = .seconds(10)

    init(descriptor: Int32, name: String) {
        self.descriptor = descriptor
        self.name = name
    }

    var fd: Int32 {
        lock.lock()
        defer { lock.unlock() }
        return descriptor
    }

    func read(maxCount: Int, timeout: Duration) throws(LinkError) -> [UInt8] {
        let fd = self.fd
        guard fd >= 0 else { throw LinkError.closed("\(name): link closed") }
        var pollfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let ready = poll(&pollfd, 1, Self.milliseconds(timeout))
        if ready < 0 {
            if errno == EINTR { return [] }
            throw LinkError.io("\(name): waiting for data failed: \(String(cString: strerror(errno)))")
        }
        if ready == 0 { return [] }
        if pollfd.revents & Int16(POLLIN) != 0 {
            var buffer = [UInt8](repeating: 0, count: max(1, maxCount))
            let n = buffer.withUnsafeMutableBytes { posixRead(fd, $0.baseAddress, $0.count) }
            if n > 0 { return Array(buffer.prefix(n)) }
            if n == 0 { throw gone() }
            if errno == EAGAIN || errno == EINTR { return [] }
            if errno == EIO || errno == ENXIO || errno == ENODEV { throw gone() }
            throw LinkError.io("\(name): read failed: \(String(cString: strerror(errno)))")
        }
        if pollfd.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { throw gone() }
        return []
    }

    func write(_ bytes: [UInt8]) throws(LinkError) {
        var offset = 0
        let deadline = ContinuousClock.now.advanced(by: writeTimeout)
        while offset < bytes.count {
            let fd = self.fd
            guard fd >= 0 else { throw LinkError.closed("\(name): link closed") }
            let n = bytes.withUnsafeBytes { posixWrite(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if n > 0 {
                offset += n
                continue
            }
            if n < 0 && errno == EINTR { continue }
            if n < 0 && errno != EAGAIN {
                if errno == EIO || errno == ENXIO || errno == ENODEV { throw gone() }
                throw LinkError.io("\(name): write failed: \(String(cString: strerror(errno)))")
            }
            let left = ContinuousClock.now.duration(to: deadline)
            if left <= .zero {
                throw LinkError.io("\(name): the board stopped accepting data; is it still connected and running?")
            }
            var pollfd = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
            _ = poll(&pollfd, 1, Self.milliseconds(min(left, .milliseconds(100))))
            if pollfd.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { throw gone() }
        }
    }

    /// Closes the descriptor once; later reads and writes throw `.closed`.
    func close() {
        lock.lock()
        let fd = descriptor
        descriptor = -1
        lock.unlock()
        if fd >= 0 { _ = posixClose(fd) }
    }

    /// Forgets the descriptor without closing it, for owners that close it themselves.
    func detach() {
        lock.lock()
        descriptor = -1
        lock.unlock()
    }

    private func gone() -> LinkError {
        .closed("\(name): the board went away (unplugged, reset or its program ended)")
    }

    /// A poll timeout in milliseconds, rounded up so short waits do not become busy polls.
    static func milliseconds(_ duration: Duration) -> Int32 {
        if duration <= .zero { return 0 }
        let ms = (duration.seconds * 1000).rounded(.up)
        return Int32(min(ms, Double(Int32.max)))
    }
}

// The POSIX calls under names that do not collide with this file's methods.
@inline(__always) func posixRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}
@inline(__always) func posixWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(fd, buffer, count)
}
@inline(__always) func posixClose(_ fd: Int32) -> Int32 {
    close(fd)
}
