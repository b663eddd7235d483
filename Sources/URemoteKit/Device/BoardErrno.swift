/// The errno values MicroPython and CircuitPython raise from filesystem calls, with the wording a
/// Linux `strerror` gives them, so messages read like mpremote's
/// (`ls: nonexist: No such file or directory.`).
///
/// Boards use their own errno table (the same numbers as Linux for these codes), so the host's
/// `strerror` cannot be trusted on macOS; this table is the single translation.
public enum BoardErrno {
    public static let notFound = 2
    public static let io = 5
    public static let noMemory = 12
    public static let accessDenied = 13
    public static let exists = 17
    public static let notDirectory = 20
    public static let isDirectory = 21
    public static let invalid = 22
    public static let noSpace = 28
    public static let readOnly = 30
    public static let notEmpty = 39
    public static let timedOut = 110

    private static let table: [(Int, String, String)] = [
        (1, "EPERM", "Operation not permitted"),
        (2, "ENOENT", "No such file or directory"),
        (5, "EIO", "Input/output error"),
        (9, "EBADF", "Bad file descriptor"),
        (11, "EAGAIN", "Resource temporarily unavailable"),
        (12, "ENOMEM", "Cannot allocate memory"),
        (13, "EACCES", "Permission denied"),
        (17, "EEXIST", "File exists"),
        (19, "ENODEV", "No such device"),
        (20, "ENOTDIR", "Not a directory"),
        (21, "EISDIR", "Is a directory"),
        (22, "EINVAL", "Invalid argument"),
        (27, "EFBIG", "File too large"),
        (28, "ENOSPC", "No space left on device"),
        (30, "EROFS", "Read-only file system"),
        (36, "ENAMETOOLONG", "File name too long"),
        (39, "ENOTEMPTY", "Directory not empty"),
        (95, "EOPNOTSUPP", "Operation not supported"),
        (110, "ETIMEDOUT", "Connection timed out"),
    ]

    /// Human wording for an errno number, or `Error N` for codes outside the table.
    public static func message(_ code: Int) -> String {
        table.first { $0.0 == code }?.2 ?? "Error \(code)"
    }

    /// The number for a symbolic name such as `ENOENT`, as boards print in tracebacks.
    public static func code(named name: String) -> Int? {
        table.first { $0.1 == name }?.0
    }

    /// The errno of the `OSError` a traceback ends with, in any of the forms ports print:
    /// `OSError: [Errno 2] ENOENT`, `OSError: 2`, `OSError: [Errno 30] Read-only filesystem`.
    public static func fromTraceback(_ traceback: String) -> Int? {
        guard let line = traceback.split(whereSeparator: { $0 == "\n" || $0 == "\r" })
            .last(where: { $0.contains("OSError") }) else { return nil }
        let text = String(line)
        if let r = text.range(of: "[Errno ") {
            let digits = text[r.upperBound...].prefix { $0.isNumber }
            if let n = Int(digits) { return n }
        }
        if let r = text.range(of: "OSError: ") {
            let rest = text[r.upperBound...]
            let digits = rest.prefix { $0.isNumber }
            if !digits.isEmpty, let n = Int(digits) { return n }
            let word = rest.prefix { $0.isLetter || $0.isNumber }
            if let n = code(named: String(word)) { return n }
        }
        return nil
    }
}
