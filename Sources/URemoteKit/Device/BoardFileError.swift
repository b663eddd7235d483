/// Why a filesystem operation failed, with everything a one-line message needs: the command,
/// the path and the errno's meaning.
public enum BoardFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An `OSError` on the board (`errno` as the board numbers it).
    case os(operation: String, path: String, errno: Int)
    /// The board raised something other than `OSError`; the traceback's last line explains it.
    case boardException(String)
    /// The board refused a write because its filesystem is read-only to programs (CircuitPython
    /// while the USB drive is mounted, or a frozen filesystem).
    case readOnly(operation: String, path: String)
    /// A transferred file did not arrive intact; nothing was renamed into place.
    case verificationFailed(path: String, reason: String)
    /// The session or link failed (timeout, board gone, protocol violation).
    case session(String)
    /// The helper on the board answered with something unexpected.
    case protocolViolation(String)
    /// Wrong use, e.g. copying a directory without `-r`.
    case usage(String)
    /// A host-side file could not be read or written.
    case local(String)

    public var description: String {
        switch self {
        case .os(let op, let path, let errno):
            return "\(op): \(path): \(BoardErrno.message(errno))."
        case .boardException(let traceback):
            let last = traceback.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).last.map(String.init)
            return last ?? "the board raised an exception"
        case .readOnly(let op, let path):
            return "\(op): \(path): Read-only file system. The board's filesystem is read-only to "
                + "programs while its USB drive is mounted (CircuitPython): eject the drive and run "
                + "`storage.unsafe_disable_usb_drive()` (CircuitPython 10.3+), or put "
                + "`import storage; storage.remount(\"/\", readonly=False)` in boot.py and reset."
        case .verificationFailed(let path, let reason):
            return "cp: \(path): transfer verification failed (\(reason)); the destination was left unchanged"
        case .session(let m): return m
        case .protocolViolation(let m): return "unexpected answer from the board: \(m)"
        case .usage(let m): return m
        case .local(let m): return m
        }
    }

    /// The errno when this is an `OSError` (including read-only refusals).
    public var errno: Int? {
        switch self {
        case .os(_, _, let e): return e
        case .readOnly: return BoardErrno.readOnly
        default: return nil
        }
    }

    /// Maps an `OSError` errno to the right case, turning EROFS into the explained variant.
    static func fromErrno(_ errno: Int, operation: String, path: String) -> BoardFileError {
        errno == BoardErrno.readOnly ? .readOnly(operation: operation, path: path)
            : .os(operation: operation, path: path, errno: errno)
    }
}
