/// What the filesystem layer needs from a raw-REPL session: run a snippet and collect its output,
/// or start one and talk to it over the link directly while it runs.
///
/// `BoardSession` provides this; keeping it a protocol lets the transfer engine be unit-tested
/// against a scripted board and keeps the filesystem code ignorant of how the REPL is driven.
public protocol BoardCodeRunner: AnyObject {
    /// The link the session talks over; the transfer engine reads and writes it between
    /// `startCode` and `finishCode`.
    var link: ByteLink { get }
    /// Runs `code` to completion. A Python exception on the board is thrown as
    /// `BoardFileError.boardException`.
    func runCode(_ code: String, timeout: Duration?) throws -> BoardOutput
    /// Sends `code` and returns once the board has started running it.
    func startCode(_ code: String) throws
    /// Waits for code started with `startCode` to end, collecting what it printed after the
    /// caller stopped reading the link itself.
    func finishCode(timeout: Duration?) throws -> BoardOutput
    /// Bytes the board said it can buffer while busy (its raw-paste window), once known: the
    /// most an upload may send beyond what the board is working on over a link that drops bytes.
    var receiveWindow: Int? { get }
}

extension BoardCodeRunner {
    public var receiveWindow: Int? { nil }
}

/// What a snippet printed, with stdout and stderr kept apart as the raw REPL delivers them.
public struct BoardOutput: Sendable, Equatable {
    public var output: [UInt8]
    public var errorOutput: [UInt8]

    public init(output: [UInt8], errorOutput: [UInt8] = []) {
        self.output = output
        self.errorOutput = errorOutput
    }

    /// Stdout as text with `\r\n` folded to `\n`, since boards' cooked output adds `\r`.
    public var text: String {
        String(decoding: output, as: UTF8.self).replacingCRLF()
    }
}

extension String {
    func replacingCRLF() -> String {
        var out = ""
        out.reserveCapacity(utf8.count)
        var lastWasCR = false
        for ch in self.unicodeScalars {
            if lastWasCR && ch != "\n" { out.unicodeScalars.append("\r") }
            lastWasCR = ch == "\r"
            if !lastWasCR { out.unicodeScalars.append(ch) }
        }
        if lastWasCR { out += "\r" }
        return out
    }
}
