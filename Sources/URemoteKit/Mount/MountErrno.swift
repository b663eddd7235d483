#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An error the host answers a board request with, as a MicroPython errno value.
///
/// MicroPython numbers errors the Linux way on every port, so a macOS host's numbers are
/// translated; the board then raises the `OSError` a local filesystem would.
struct MountErrno: Error, Equatable {
    let code: UInt8

    static let notPermitted = MountErrno(code: 1)   // EPERM
    static let noEntry = MountErrno(code: 2)        // ENOENT
    static let io = MountErrno(code: 5)             // EIO
    static let badHandle = MountErrno(code: 9)      // EBADF
    static let exists = MountErrno(code: 17)        // EEXIST
    static let notDirectory = MountErrno(code: 20)  // ENOTDIR
    static let isDirectory = MountErrno(code: 21)   // EISDIR
    static let invalid = MountErrno(code: 22)       // EINVAL

    /// The current `errno` of the host, translated.
    static var current: MountErrno { MountErrno(hostErrno: errno) }

    init(code: UInt8) {
        self.code = code
    }

    init(hostErrno: Int32) {
        switch hostErrno {
        case ENOTEMPTY: code = 39
        case ELOOP: code = 40
        case ENAMETOOLONG: code = 36
        case EAGAIN: code = 11
        case 1...34: code = UInt8(hostErrno)  // the classic numbers agree on Linux and BSD
        default: code = 5
        }
    }
}
