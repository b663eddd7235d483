import Foundation

/// Runs the agent (or its unmount) on the bare link when no session can: right after a soft
/// reboot the mount link notices inside a read, and at close after the session has let go.
///
/// Deliberately minimal raw REPL: plain raw mode with paced writes (the agent is a few kB, sent
/// rarely), every wait bounded so a board that never answers costs seconds, not a hang.
struct AgentExchange {
    let link: ByteLink
    /// Turns what the link delivers into board output, answering mount requests on the way
    /// (unmount code itself may touch the mounted folder, e.g. when `import` probes it).
    let filter: ([UInt8]) throws(LinkError) -> [UInt8]
    private var pending: [UInt8] = []
    private static let friendlyPrompt = Array(">>> ".utf8)

    init(link: ByteLink, filter: @escaping ([UInt8]) throws(LinkError) -> [UInt8] = { $0 }) {
        self.link = link
        self.filter = filter
    }

    /// From the friendly prompt (or a program that Ctrl-C stops) into the raw REPL.
    mutating func enterRawRepl(interrupting: Bool) throws(MountError) {
        if interrupting {
            try send([0x0D, RawRepl.ctrlC])
            Thread.sleep(forTimeInterval: 0.02)
            try send([RawRepl.ctrlC])
        }
        try send([RawRepl.ctrlA])
        guard try readUntil(RawRepl.bannerEnd, timeout: .seconds(2)) else {
            throw MountError.board("the board did not enter the raw REPL")
        }
    }

    /// Runs `code` at the raw prompt, waits for the prompt again and returns what it printed.
    @discardableResult
    mutating func run(_ code: String) throws(MountError) -> [UInt8] {
        let bytes = Array(code.utf8)
        var sent = 0
        while sent < bytes.count {
            let end = min(bytes.count, sent + 256)
            try send(Array(bytes[sent..<end]))
            sent = end
            if sent < bytes.count { Thread.sleep(forTimeInterval: 0.01) }
        }
        try send([RawRepl.ctrlD])
        guard try readUntil({ ReplReader.find(RawRepl.ok, in: $0) }, timeout: .seconds(2)) else {
            throw MountError.board("the board did not accept the mount agent")
        }
        guard try readUntil({ ReplReader.find([RawRepl.ctrlD], in: $0) }, timeout: .seconds(5)) else {
            throw MountError.board("the mount agent did not finish")
        }
        let output = lastPiece.dropLast()
        guard try readUntil({ ReplReader.find([RawRepl.ctrlD], in: $0) }, timeout: .seconds(2)) else {
            throw MountError.board("the mount agent did not finish")
        }
        let traceback = lastPiece
        guard try readUntil({ $0.first == UInt8(ascii: ">") ? 1 : nil }, timeout: .seconds(2)) else {
            throw MountError.board("the board did not return to the raw prompt")
        }
        if traceback.count > 1 {
            let text = String(decoding: traceback.dropLast(), as: UTF8.self)
            let last = text.split(whereSeparator: \.isNewline).last.map(String.init) ?? text
            throw MountError.board("the mount agent failed on the board: \(last)")
        }
        return Array(output)
    }

    /// Ctrl-B, swallowing the banner up to `>>> `.
    mutating func exitRawRepl() throws(MountError) {
        try send([RawRepl.ctrlB])
        guard try readUntil({ ReplReader.find(Self.friendlyPrompt, in: $0) }, timeout: .seconds(2)) else {
            throw MountError.board("the board did not return to its REPL prompt")
        }
    }

    private var lastPiece: [UInt8] = []

    /// Consumes bytes through the end of `match`; false when `timeout` passes first.
    private mutating func readUntil(_ match: ([UInt8]) -> Int?, timeout: Duration) throws(MountError) -> Bool {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while true {
            if let end = match(pending) {
                lastPiece = Array(pending[..<end])
                pending.removeFirst(end)
                return true
            }
            let left = ContinuousClock.now.duration(to: deadline)
            if left <= .zero { return false }
            do {
                pending.append(contentsOf: try filter(try link.read(maxCount: 4096, timeout: min(left, .milliseconds(100)))))
            } catch {
                throw MountError.board(error.description)
            }
        }
    }

    private func send(_ bytes: [UInt8]) throws(MountError) {
        do { try link.write(bytes) } catch { throw MountError.board(error.description) }
    }
}

/// Why mounting failed, in one line fit for `uremote: …`.
public enum MountError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The host folder cannot be served (missing, not a directory, unreadable).
    case folder(String)
    /// The board did not take the agent or answer as expected.
    case board(String)

    public var description: String {
        switch self {
        case .folder(let message), .board(let message): return message
        }
    }
}
