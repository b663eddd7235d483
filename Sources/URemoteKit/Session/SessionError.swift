/// Why a conversation with a board failed; each description is one line that says what happened
/// and what to try, so the CLI can print it after `uremote: ` unchanged.
public enum SessionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Code ran and raised; the traceback is MicroPython's own text.
    case boardException(traceback: String)
    /// The board stayed silent (or never said what the protocol needs) for too long.
    case timeout(String)
    /// The link itself failed: port gone, busy, refused.
    case link(LinkError)
    /// The board said something the raw REPL protocol does not allow at that point.
    case protocolViolation(String)
    /// The board restarted (soft reboot, watchdog, crash) while a command was running, so the
    /// command's effect is unknown; the session has already noticed which REPL it is in now.
    case boardRestarted(String)

    public var description: String {
        switch self {
        case .boardException(let traceback):
            let lines = traceback.split(whereSeparator: \.isNewline)
            return lines.last.map(String.init) ?? "the board raised an exception"
        case .timeout(let message), .protocolViolation(let message), .boardRestarted(let message):
            return message
        case .link(let error):
            return error.description
        }
    }
}
