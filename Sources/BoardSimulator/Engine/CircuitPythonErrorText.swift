/// CircuitPython spells OSError numbers out (`[Errno 30] Read-only filesystem`) where MicroPython
/// prints the symbol (`[Errno 30] EROFS`); tools and people match on that last traceback line.
enum CircuitPythonErrorText {
    static let messages: [String: String] = [
        "EPERM": "Operation not permitted",
        "ENOENT": "No such file/directory",
        "EIO": "Input/output error",
        "EACCES": "Permission denied",
        "EEXIST": "File exists",
        "ENODEV": "No such device",
        "ENOTDIR": "Not a directory",
        "EISDIR": "Is a directory",
        "EINVAL": "Invalid argument",
        "ENOSPC": "No space left on device",
        "EROFS": "Read-only filesystem",
        "ENOTEMPTY": "Directory not empty",
    ]

    /// The traceback with its final `OSError: [Errno N] ESYMBOL` line in CircuitPython's words.
    static func rewrite(_ traceback: String) -> String {
        var lines = traceback.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let index = lines.lastIndex(where: { $0.hasPrefix("OSError: [Errno ") }) else { return traceback }
        let line = lines[index]
        guard let close = line.firstIndex(of: "]") else { return traceback }
        let symbol = line[line.index(after: close)...].trimmingCharacters(in: .whitespaces)
        guard let message = messages[symbol] else { return traceback }
        lines[index] = String(line[...close]) + " " + message
        return lines.joined(separator: "\n")
    }
}
