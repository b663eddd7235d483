import Foundation

/// One conversation with one board over the raw REPL: everything uremote does on a board
/// (exec, eval, file transfer, mount) goes through a session.
///
/// A session never resets the board on its own: variables and imported modules survive from one
/// uremote invocation to the next, as users expect from a REPL. It leaves the board in the friendly
/// REPL when closed so that the next tool, or a human with a terminal, finds it as usual.
///
/// Not thread-safe except `interrupt()`, which a signal handler thread may call at any time.
public final class BoardSession: @unchecked Sendable {
    public let link: ByteLink
    public let options: SessionOptions
    /// True once the board has shown the raw REPL prompt and nothing since has taken it away.
    public internal(set) var isInRawRepl = false

    let reader: ReplReader
    /// nil until the board has answered a raw-paste request once.
    var rawPasteSupported: Bool?
    private let interruptLock = NSLock()
    private var interruptPending = false
    private var isClosed = false

    public init(link: ByteLink, options: SessionOptions = .init()) {
        self.link = link
        self.options = options
        self.reader = ReplReader(link: link)
    }

    /// True when the board answered the raw-paste request; nil while unknown. Lets callers (and
    /// tests) check which transfer path a command took.
    public var supportsRawPaste: Bool? { rawPasteSupported }

    /// The raw-paste window the board offered (its receive buffer, in bytes), once known: a hint
    /// for sizing chunks of data that the board must hold at once.
    public internal(set) var rawPasteWindow: Int?

    // MARK: Entering and leaving the raw REPL

    /// One burst first (`\r` Ctrl-C Ctrl-A), which an idle board or one running a program that
    /// does not catch KeyboardInterrupt answers with the raw banner at once: connecting then costs
    /// a single round trip. Otherwise the robust entry: Ctrl-C (twice, spaced), drain, Ctrl-A, wait
    /// for exactly "raw REPL; CTRL-B to exit"; it copes with chatty boards, a main.py that catches
    /// the first interrupt, and CircuitPython's "press any key" pause by retrying within
    /// `options.connectTimeout`.
    public func enterRawRepl(softReset: Bool = false) throws(SessionError) {
        _ = takeInterrupt()
        isInRawRepl = false
        reader.resetActivity()
        if try quickEntry() {
            isInRawRepl = true
            reader.takeAll()
            if softReset { try self.softReset() }
            return
        }
        let overall = Deadline(after: options.connectTimeout)
        let attempts = 3
        let perAttempt = options.connectTimeout / attempts
        var attempt = 0
        while true {
            attempt += 1
            try interruptRunningProgram()
            try send([RawRepl.ctrlA])
            let attemptDeadline = Deadline.earliest(overall, Deadline(after: perAttempt))
            if try linkCall({ () throws(LinkError) in try reader.read(until: RawRepl.bannerEnd, deadline: attemptDeadline) }) != nil {
                break
            }
            if attempt >= attempts || overall.hasPassed {
                throw notEnteringRawRepl()
            }
            // A board paused at "press any key" (CircuitPython) or one that lost the first bytes
            // gets a plain key press before the next round.
            try send([0x0D])
        }
        isInRawRepl = true
        reader.takeAll()
        if softReset {
            try self.softReset()
        }
    }

    /// Ctrl-B back to the friendly REPL, which is where humans and other tools expect the board.
    public func exitRawRepl() throws(SessionError) {
        guard isInRawRepl else { return }
        try send([RawRepl.ctrlB])
        isInRawRepl = false
    }

    /// Soft reboot handshake from the raw REPL (Ctrl-D on an empty raw prompt); returns once the
    /// board shows the raw prompt again, so Python state is fresh and `boot.py` has run.
    public func softReset() throws(SessionError) {
        try ensureRawRepl()
        reader.takeAll()
        try send([RawRepl.ctrlD])
        let deadline = Deadline(after: options.connectTimeout + options.responseTimeout)
        let reply = try linkCall { () throws(LinkError) in try reader.read(until: RawRepl.bannerEnd, deadline: deadline) }
        guard reply != nil else {
            isInRawRepl = false
            throw SessionError.timeout(
                "\(link.name) did not come back from a soft reset (is boot.py still running?); try `uremote reset`")
        }
    }

    /// Sends Ctrl-C to the board now; safe from any thread (the CLI's SIGINT handler). The next
    /// command re-synchronises with the raw prompt first, wherever the interrupt left the board.
    public func interrupt() {
        interruptLock.lock()
        interruptPending = true
        interruptLock.unlock()
        try? link.write([RawRepl.ctrlC])
    }

    /// Leaves the board in the friendly REPL and releases the link. Safe to call more than once.
    public func close() {
        guard !isClosed else { return }
        isClosed = true
        if isInRawRepl {
            try? link.write([RawRepl.ctrlB])
            isInRawRepl = false
        }
        link.close()
    }

    /// Hands the link over without closing it, for when a new session takes it over (the mount
    /// wraps the link in a `MountLink` and drives the board through a new session).
    public func detach() {
        isClosed = true
    }

    deinit {
        close()
    }

    // MARK: Shared helpers

    /// Enters the raw REPL unless the board is known to sit at its prompt; re-syncs after an
    /// interrupt because the board may have been anywhere when Ctrl-C landed.
    func ensureRawRepl() throws(SessionError) {
        if isClosed { throw SessionError.link(.closed("\(link.name): session closed")) }
        if !isInRawRepl || takeInterrupt() {
            try enterRawRepl()
        }
    }

    func takeInterrupt() -> Bool {
        interruptLock.lock()
        defer { interruptLock.unlock() }
        let pending = interruptPending
        interruptPending = false
        return pending
    }

    func send(_ bytes: [UInt8]) throws(SessionError) {
        do { try link.write(bytes) } catch { throw SessionError.link(error) }
    }

    func linkCall<T>(_ body: () throws(LinkError) -> T) throws(SessionError) -> T {
        do { return try body() } catch { throw SessionError.link(error) }
    }

    /// `\r` Ctrl-C, a short gap, Ctrl-C again, then waits for the board to fall silent; a board
    /// that keeps printing gets one more Ctrl-C.
    private func interruptRunningProgram() throws(SessionError) {
        try send([0x0D, RawRepl.ctrlC])
        // The gap lets the first Ctrl-C land before the second, which then stops a program that
        // caught the first KeyboardInterrupt to clean up.
        _ = try linkCall { () throws(LinkError) in try reader.drain(quiet: .milliseconds(10), limit: .milliseconds(10)) }
        try send([RawRepl.ctrlC])
        for _ in 0..<2 {
            let quiet = try linkCall { () throws(LinkError) in
                try reader.drain(quiet: options.quietPeriod, limit: options.maxDrainTime)
            }
            if quiet { return }
            try send([RawRepl.ctrlC])
        }
    }

    /// The single-burst entry; false (having changed nothing the robust entry relies on) when the
    /// banner does not come within `options.quickEntryWait`.
    private func quickEntry() throws(SessionError) -> Bool {
        guard options.quickEntryWait > .zero else { return false }
        // Whatever the board said before this session (a previous tool's last words) is stale:
        // a raw banner among it must not be mistaken for the answer to this request.
        _ = try linkCall { () throws(LinkError) in try reader.drain(quiet: .zero, limit: .milliseconds(50)) }
        try send([0x0D, RawRepl.ctrlC, RawRepl.ctrlA])
        let deadline = Deadline(after: options.quickEntryWait)
        return try linkCall { () throws(LinkError) in try reader.read(until: RawRepl.bannerEnd, deadline: deadline) } != nil
    }

    private func notEnteringRawRepl() -> SessionError {
        if !reader.receivedAnything {
            return .timeout("no response from \(link.name): is a program running with interrupts disabled, "
                + "or is this not a MicroPython board? try `uremote reset` or replug it")
        }
        let tail = reader.takeAll().suffix(40)
        let said = String(decoding: tail, as: UTF8.self).debugDescription
        return .timeout("\(link.name) answered but never showed the raw REPL prompt (last said \(said)); "
            + "is it busy or not running MicroPython? try `uremote reset`")
    }
}

extension Deadline {
    /// The sooner of two deadlines.
    static func earliest(_ a: Deadline, _ b: Deadline) -> Deadline {
        switch (a.instant, b.instant) {
        case (nil, _): return b
        case (_, nil): return a
        case (let x?, let y?): return x <= y ? a : b
        }
    }
}
