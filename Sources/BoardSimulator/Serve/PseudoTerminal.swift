#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A pseudo-terminal pair whose slave side is the board's "serial port" for other programs.
///
/// The server keeps its own descriptor on the slave side open: without it, reading the master
/// fails with EIO whenever no client is attached, and the board would lose its console between
/// connections.
public final class PseudoTerminal: @unchecked Sendable {
    public let masterDescriptor: Int32
    public let slaveDescriptor: Int32
    /// The device path clients open, such as /dev/pts/5.
    public let slavePath: String

    private init(master: Int32, slave: Int32, path: String) {
        masterDescriptor = master
        slaveDescriptor = slave
        slavePath = path
    }

    /// Allocates a pty in raw mode (no echo, no line editing, no newline translation).
    public static func open() throws(PseudoTerminalError) -> PseudoTerminal {
        guard let calls = PtyCalls.load() else { throw .system("posix_openpt (not in the C library)", ENOSYS) }
        let master = calls.openpt(O_RDWR | O_NOCTTY)
        guard master >= 0 else { throw .system("posix_openpt", errno) }
        var name = [CChar](repeating: 0, count: 128)
        guard calls.grantpt(master) == 0, calls.unlockpt(master) == 0,
              calls.ptsname_r(master, &name, name.count) == 0 else {
            let code = errno
            Glibc.close(master)
            throw .system("grantpt/unlockpt", code)
        }
        let path = String(decoding: name.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let slave = Glibc.open(path, O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard slave >= 0 else {
            let code = errno
            Glibc.close(master)
            throw .system("open \(path)", code)
        }
        // Programs started later must not hold the board's ends open after it stops.
        _ = fcntl(master, F_SETFD, fcntl(master, F_GETFD) | FD_CLOEXEC)
        var settings = termios()
        if tcgetattr(slave, &settings) == 0 {
            cfmakeraw(&settings)
            _ = tcsetattr(slave, TCSANOW, &settings)
        }
        let flags = fcntl(master, F_GETFL)
        _ = fcntl(master, F_SETFL, flags | O_NONBLOCK)
        return PseudoTerminal(master: master, slave: slave, path: path)
    }

    /// Forgets output nobody read, as a board's USB stack drops data while no host listens.
    func discardUnreadOutput() {
        _ = tcflush(slaveDescriptor, TCIFLUSH)
    }

    public func close() {
        Glibc.close(masterDescriptor)
        Glibc.close(slaveDescriptor)
    }
}

/// The pty calls, looked up at run time: Glibc's Swift module hides them behind _XOPEN_SOURCE.
private struct PtyCalls {
    let openpt: @convention(c) (Int32) -> Int32
    let grantpt: @convention(c) (Int32) -> Int32
    let unlockpt: @convention(c) (Int32) -> Int32
    let ptsname_r: @convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int32

    static func load() -> PtyCalls? {
        let handle = dlopen(nil, RTLD_NOW)
        guard let o = dlsym(handle, "posix_openpt"), let g = dlsym(handle, "grantpt"),
              let u = dlsym(handle, "unlockpt"), let p = dlsym(handle, "ptsname_r") else { return nil }
        return PtyCalls(
            openpt: unsafeBitCast(o, to: (@convention(c) (Int32) -> Int32).self),
            grantpt: unsafeBitCast(g, to: (@convention(c) (Int32) -> Int32).self),
            unlockpt: unsafeBitCast(u, to: (@convention(c) (Int32) -> Int32).self),
            ptsname_r: unsafeBitCast(p, to: (@convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int32).self))
    }
}

/// Why a pseudo-terminal could not be set up; text fit for a one-line error.
public enum PseudoTerminalError: Error, CustomStringConvertible, Sendable {
    case system(String, Int32)

    public var description: String {
        switch self {
        case .system(let call, let code): return "\(call) failed: \(String(cString: strerror(code)))"
        }
    }
}
