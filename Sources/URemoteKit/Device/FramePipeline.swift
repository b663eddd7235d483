import Foundation

/// Frames sent ahead of their answers; each frame gets exactly one answer, in order, sent once
/// the board has finished with it (written, verified, renamed), so a board-side error reaches the
/// host before it sends the rest.
///
/// Two ways to stay ahead of the board without overrunning it:
/// - credit-paced (a UART, or a link not yet known to be anything else): the board grants
///   `creditUnit` more bytes (`\x01`) each time it has taken that many from its receive buffer,
///   starting from two units, as raw-paste does. However long the board is busy writing flash,
///   verifying or renaming, or however far a simulator falls behind, no more arrives than its
///   buffer holds, across file boundaries too.
/// - deep (a link that holds a fast sender back: USB CDC, a pseudo-terminal): up to `deepWindow`
///   bytes in flight, which hides the round trip and the board's work behind the transfer.
/// A credit-paced pipeline switches itself to deep once the board has consumed bytes faster than
/// any REPL UART can carry them (`LinkPacing`), telling the board to stop granting credit.
struct FramePipeline {
    let reader: LinkReader
    let link: ByteLink
    let pacing: LinkPacing
    let creditUnit: Int
    let deepWindow: Int
    /// True while the board grants credit.
    private(set) var isPaced: Bool

    private var outstanding: [(file: Int, size: Int)] = []
    private var head = 0
    private var bytesInFlight = 0
    private var credit: Int
    private var consumed = 0
    private var started: ContinuousClock.Instant?
    private var upgradeDue = false
    private var failures: [Int: String] = [:]

    /// The board's answer to a frame that belongs to no file (the mode switch).
    private static let noFile = -1
    /// Below this many consumed bytes a rate says more about latency than about the line.
    static let minimumMeasuredBytes = 2048

    init(reader: LinkReader, link: ByteLink, pacing: LinkPacing, paced: Bool, creditUnit: Int, deepWindow: Int) {
        self.reader = reader
        self.link = link
        self.pacing = pacing
        self.isPaced = paced
        self.creditUnit = max(16, creditUnit)
        self.credit = 2 * self.creditUnit
        self.deepWindow = deepWindow
    }

    /// The earliest file (in order) the board refused, with the board's reason.
    var firstFailure: (Int, String)? {
        failures.keys.min().map { ($0, failures[$0] ?? "") }
    }

    func failure(of file: Int) -> String? { failures[file] }

    mutating func fail(_ file: Int, _ message: String) {
        if failures[file] == nil { failures[file] = message }
    }

    mutating func send(_ frame: [UInt8], file: Int) throws {
        if upgradeDue {
            upgradeDue = false
            try queue(TransferFrame.encode(.mode, Array("0".utf8)), file: Self.noFile)
            isPaced = false
        }
        try queue(frame, file: file)
    }

    /// Waits for every answer.
    mutating func drain() throws {
        while head < outstanding.count { try readAnswer() }
    }

    private mutating func queue(_ frame: [UInt8], file: Int) throws {
        outstanding.append((file, frame.count))
        var offset = 0
        while offset < frame.count {
            let pending = outstanding.count - head
            let allowed = isPaced ? credit : (pending > 64 ? 0 : deepWindow - bytesInFlight)
            if allowed <= 0 {
                try readAnswer()
                continue
            }
            let end = min(frame.count, offset + allowed)
            if started == nil { started = .now }
            try write(offset == 0 && end == frame.count ? frame : Array(frame[offset..<end]))
            if isPaced { credit -= end - offset }
            bytesInFlight += end - offset
            offset = end
        }
    }

    /// One byte from the board: credit, or the answer to the oldest frame.
    private mutating func readAnswer() throws {
        let answer = try reader.readByte()
        if answer == 0x01 {
            // Credit still in flight after a switch to deep mode is simply ignored.
            guard isPaced else { return }
            credit += creditUnit
            consumed += creditUnit
            if consumed >= Self.minimumMeasuredBytes, let started, !pacing.isFlowControlled {
                // Every consumed byte crossed the line after the first write: a lower bound on
                // the line rate, however late this process got to read the credit.
                pacing.observe(bytes: consumed, seconds: (ContinuousClock.now - started).seconds)
                if pacing.isFlowControlled { upgradeDue = true }
            }
            return
        }
        guard head < outstanding.count else {
            throw BoardFileError.protocolViolation("byte \(answer) when no answer was due")
        }
        let frame = outstanding[head]
        head += 1
        bytesInFlight -= frame.size
        if head == outstanding.count {
            outstanding.removeAll(keepingCapacity: true)
            head = 0
        }
        if answer == 0x15 {
            fail(frame.file, String(decoding: try reader.readLine(), as: UTF8.self))
        } else if answer != 0x06 {
            if answer == 0x04, let tail = try? reader.readExecutionTail(startingWith: [answer]) {
                // The helper stopped with an exception; its last line says why.
                let said = String(decoding: tail.errorOutput, as: UTF8.self)
                    .split(whereSeparator: \.isNewline).last.map(String.init) ?? ""
                throw BoardFileError.protocolViolation("the board's receiver stopped: \(said)")
            }
            throw BoardFileError.protocolViolation("byte \(answer) instead of an acknowledgement")
        }
    }

    func write(_ bytes: [UInt8]) throws {
        do { try link.write(bytes) } catch { throw BoardFileError.session(error.description) }
    }
}
