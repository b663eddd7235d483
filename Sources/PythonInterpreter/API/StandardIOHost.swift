import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Connects an interpreter to this process's stdin/stdout/stderr and a host folder, the way
/// MicroPython's unix port runs a script (`uremote sim run`).
public final class StandardIOHost: InterpreterHost, @unchecked Sendable {
    public let fileSystem: FileSystem

    public init(fileSystem: FileSystem) { self.fileSystem = fileSystem }

    public func writeStdout(_ bytes: [UInt8]) { writeAll(1, bytes) }
    public func writeStderr(_ bytes: [UInt8]) { writeAll(2, bytes) }

    private func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
        var off = 0
        while off < bytes.count {
            let n = bytes[off...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, bytes.count - off) }
            if n <= 0 { return }
            off += n
        }
    }

    public func readStdin(maxCount: Int) -> [UInt8]? {
        var buf = [UInt8](repeating: 0, count: max(1, maxCount))
        let n = buf.withUnsafeMutableBytes { Glibc.read(0, $0.baseAddress, max(1, maxCount)) }
        if n <= 0 { return nil }
        return Array(buf[0..<n])
    }

    public func stdinHasData() -> Bool {
        var p = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        return poll(&p, 1, 0) > 0
    }
}
