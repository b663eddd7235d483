#if canImport(Glibc)
import Glibc
#endif
import Foundation
import URemoteKit

/// The board's end of a pseudo-terminal as a `ByteLink`, so a board served on a pty runs exactly
/// the code of an in-process one.
final class PseudoTerminalBoardPort: ByteLink, @unchecked Sendable {
    let name: String
    private let terminal: PseudoTerminal
    private let lock = NSLock()
    private var closed = false
    /// How long a write waits for a client to drain the pty before the output is dropped.
    private let stallLimit: Int32 = 1000

    init(terminal: PseudoTerminal) {
        self.terminal = terminal
        self.name = terminal.slavePath
    }

    private var isClosed: Bool {
        lock.lock()
        defer { lock.unlock() }
        return closed
    }

    func write(_ bytes: [UInt8]) throws(LinkError) {
        var offset = 0
        var stalled = false
        while offset < bytes.count {
            if isClosed { throw .closed("\(name): closed") }
            let written = bytes[offset...].withUnsafeBytes { raw in
                Glibc.write(terminal.masterDescriptor, raw.baseAddress, raw.count)
            }
            if written > 0 {
                offset += written
                continue
            }
            if written < 0 && errno != EAGAIN && errno != EINTR {
                throw .io("\(name): write failed: \(String(cString: strerror(errno)))")
            }
            var fds = pollfd(fd: terminal.masterDescriptor, events: Int16(POLLOUT), revents: 0)
            if poll(&fds, 1, stallLimit) == 0 {
                // Nobody is reading: drop stale output once, then give up on this chunk.
                if stalled { return }
                stalled = true
                terminal.discardUnreadOutput()
            }
        }
    }

    func read(maxCount: Int, timeout: Duration) throws(LinkError) -> [UInt8] {
        if isClosed { throw .closed("\(name): closed") }
        var fds = pollfd(fd: terminal.masterDescriptor, events: Int16(POLLIN), revents: 0)
        let millis = Int32(min(Double(Int32.max), max(0, timeout.seconds * 1000)))
        let ready = poll(&fds, 1, millis)
        if ready <= 0 { return [] }
        var buffer = [UInt8](repeating: 0, count: max(1, min(maxCount, 4096)))
        let count = buffer.withUnsafeMutableBytes { raw in
            Glibc.read(terminal.masterDescriptor, raw.baseAddress, raw.count)
        }
        if count > 0 { return Array(buffer[0..<count]) }
        if count < 0 && (errno == EAGAIN || errno == EINTR || errno == EIO) {
            // EIO can only appear if the slave was closed; back off instead of spinning.
            if errno == EIO { Thread.sleep(forTimeInterval: 0.05) }
            return []
        }
        throw .closed("\(name): closed")
    }

    func close() {
        lock.lock()
        closed = true
        lock.unlock()
    }
}
