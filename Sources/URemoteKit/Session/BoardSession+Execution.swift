import Foundation

extension BoardSession {
    /// Runs code (raw-paste when the board supports it, else paced plain raw), streaming the
    /// board's stdout to `onOutput` as it arrives, as raw bytes: a chunk may end inside a UTF-8
    /// character, and keeping text whole is the printer's job.
    ///
    /// `timeout` bounds the whole run (nil: `options.executionTimeout`, normally unlimited, since
    /// the user stops a long program with Ctrl-C). A traceback does not throw here: it comes back in
    /// `errorOutput`, because `run` and `exec` print it rather than fail on it.
    public func execute(_ code: String, timeout: Duration? = nil,
                        onOutput: (([UInt8]) -> Void)? = nil) throws(SessionError) -> ExecutionResult {
        try startExecution(code)
        return try finishExecution(timeout: timeout, onOutput: onOutput)
    }

    /// The `repr` of an expression evaluated on the board; an exception there throws
    /// `.boardException` with MicroPython's traceback.
    public func evaluate(_ expression: String) throws(SessionError) -> String {
        // On lines of its own inside the parentheses, so a trailing comment cannot swallow them.
        let result = try execute("print(repr(\n\(expression)\n))", timeout: options.responseTimeout + .seconds(25))
        if result.raisedException {
            throw SessionError.boardException(traceback: result.errorText)
        }
        var text = String(decoding: result.output, as: UTF8.self)
        while text.last?.isNewline == true { text.removeLast() }
        return text
    }

    /// For streaming protocols (file transfer, mount): returns as soon as the board has accepted
    /// `code` and starts running it, having read nothing the code itself sends, so the caller can
    /// talk to the program over `link` directly and then call `finishExecution`.
    ///
    /// The program may not be running yet when this returns. A program that turns Ctrl-C off
    /// (`micropython.kbd_intr(-1)`) to receive raw bytes should say when it has done so (print a
    /// marker) and the caller should wait for that before sending data: a 0x03 that arrives
    /// earlier interrupts the program, on a board as on the reference board.
    public func startExecution(_ code: String) throws(SessionError) {
        try ensureRawRepl()
        reader.takeAll()
        let bytes = Array(code.utf8)
        if options.useRawPaste && rawPasteSupported != false && bytes.count > options.plainRawLimit {
            if try sendRawPaste(bytes) { return }
        }
        try sendPlainRaw(bytes)
    }

    /// Reads the rest of a run the raw REPL way: stdout until `\x04`, the traceback until `\x04`,
    /// then the `>` prompt. Notices a board that restarts instead of finishing.
    public func finishExecution(timeout: Duration? = nil,
                                onOutput: (([UInt8]) -> Void)? = nil) throws(SessionError) -> ExecutionResult {
        let limit = timeout ?? options.executionTimeout
        let deadline = Deadline(after: limit)
        var result = ExecutionResult()

        // stdout, streamed
        while true {
            if let end = reader.pending.firstIndex(of: RawRepl.ctrlD) {
                let chunk = reader.take(end)
                reader.take(1)
                deliver(chunk, to: &result.output, onOutput)
                break
            }
            if !reader.pending.isEmpty {
                deliver(reader.takeAll(), to: &result.output, onOutput)
                if let restart = restartSeen(in: result.output, quiet: false) { throw restart }
            }
            if deadline.hasPassed { throw runningTooLong(limit) }
            let got = try linkCall { () throws(LinkError) in try reader.fill(maxCount: 4096, deadline: deadline) }
            if !got, let restart = restartSeen(in: result.output, quiet: true) { throw restart }
        }

        // stderr, then the prompt; the board sends these right away, so they get the response timeout
        let tracebackDeadline = Deadline.earliest(deadline, Deadline(after: options.responseTimeout))
        guard var errorBytes = try linkCall({ () throws(LinkError) in
            try reader.read(through: [RawRepl.ctrlD], deadline: tracebackDeadline, exact: false)
        }) else {
            isInRawRepl = false
            throw SessionError.timeout("\(link.name) stopped in the middle of reporting an error; try again or `uremote reset`")
        }
        errorBytes.removeLast()
        result.errorOutput = errorBytes
        let prompt = try linkCall { () throws(LinkError) in
            try reader.read(exactly: 1, deadline: Deadline(after: options.responseTimeout))
        }
        if prompt == [UInt8(ascii: ">")] { return result }
        // `sys.exit()` (or a watchdog) makes the board soft-reboot right after the code: it then
        // shows the raw banner again instead of the bare prompt. The code itself did finish.
        let rebootDeadline = Deadline(after: options.connectTimeout + options.responseTimeout)
        if prompt != nil, try linkCall({ () throws(LinkError) in
            try reader.read(until: RawRepl.bannerEnd, deadline: rebootDeadline)
        }) != nil {
            return result
        }
        isInRawRepl = false
        throw SessionError.protocolViolation(
            "\(link.name) did not return to the raw REPL prompt after running code; try again or `uremote reset`")
    }

    // MARK: Sending code

    /// Raw-paste: the board grants a window of bytes and more with each `\x01`, so a board with a
    /// small receive buffer is never overrun and no pacing delay is needed. Returns false (with the
    /// board still at its raw prompt) when the board does not support raw-paste.
    private func sendRawPaste(_ code: [UInt8], mayRetry: Bool = true) throws(SessionError) -> Bool {
        try send(RawRepl.rawPasteRequest)
        let answerDeadline = Deadline(after: options.responseTimeout)
        guard let answer = try linkCall({ () throws(LinkError) in try reader.read(exactly: 2, deadline: answerDeadline) }) else {
            throw noAnswer("to the raw-paste request")
        }
        switch answer {
        case [UInt8(ascii: "R"), 0x01]:
            rawPasteSupported = true
        case [UInt8(ascii: "R"), 0x00]:
            rawPasteSupported = false
            return false
        default:
            // Either late output from before (a reboot's banner) or firmware older than raw-paste
            // that took the request as text. Start over with a clean line and ask once more; a
            // second odd answer means no raw-paste on this board.
            try enterRawRepl()
            if mayRetry { return try sendRawPaste(code, mayRetry: false) }
            rawPasteSupported = false
            return false
        }
        guard let windowBytes = try linkCall({ () throws(LinkError) in try reader.read(exactly: 2, deadline: answerDeadline) }) else {
            throw noAnswer("with the raw-paste window size")
        }
        let increment = Int(windowBytes[0]) | Int(windowBytes[1]) << 8
        guard increment > 0 else {
            throw SessionError.protocolViolation("\(link.name) offered a zero raw-paste window; retry with raw-paste disabled")
        }
        rawPasteWindow = increment
        var credit = increment
        var sent = 0
        while sent < code.count {
            // Take every flow byte already sent; block for one only when the window is used up.
            while true {
                if reader.pending.isEmpty {
                    let wait = Deadline(after: credit == 0 ? options.responseTimeout : .zero)
                    let got = try linkCall { () throws(LinkError) in try reader.fill(maxCount: 1, deadline: wait) }
                    if !got {
                        if credit == 0 { throw noAnswer("with more raw-paste window") }
                        break
                    }
                }
                let flow = reader.take(1)[0]
                if flow == RawRepl.ctrlA {
                    credit += increment
                } else if flow == RawRepl.ctrlD {
                    // The board ended the paste early (interrupted, or out of memory); acknowledge,
                    // and its report follows as usual.
                    try send([RawRepl.ctrlD])
                    return true
                } else {
                    isInRawRepl = false
                    throw SessionError.protocolViolation(
                        "\(link.name) sent unexpected byte 0x\(String(flow, radix: 16)) during raw-paste; retry, or disable raw-paste")
                }
            }
            let count = min(credit, code.count - sent)
            try send(Array(code[sent..<(sent + count)]))
            sent += count
            credit -= count
        }
        try send([RawRepl.ctrlD])
        // The board acknowledges the end of data with its own Ctrl-D (flow bytes may come first).
        let ackDeadline = Deadline(after: options.responseTimeout)
        while true {
            guard let byte = try linkCall({ () throws(LinkError) in try reader.read(exactly: 1, deadline: ackDeadline) }) else {
                throw noAnswer("to the end of raw-paste data")
            }
            if byte[0] == RawRepl.ctrlD { return true }
            if byte[0] != RawRepl.ctrlA {
                isInRawRepl = false
                throw SessionError.protocolViolation(
                    "\(link.name) sent unexpected byte 0x\(String(byte[0], radix: 16)) ending raw-paste; retry, or disable raw-paste")
            }
        }
    }

    /// Plain raw mode: no flow control, so the code goes out in small paced chunks that a UART's
    /// receive buffer can absorb; the board answers `OK` once it has the whole program.
    private func sendPlainRaw(_ code: [UInt8]) throws(SessionError) {
        let chunk = max(1, options.plainRawChunkSize)
        var sent = 0
        while sent < code.count {
            let count = min(chunk, code.count - sent)
            try send(Array(code[sent..<(sent + count)]))
            sent += count
            if sent < code.count && options.plainRawChunkDelay > .zero {
                Thread.sleep(forTimeInterval: options.plainRawChunkDelay.seconds)
            }
        }
        try send([RawRepl.ctrlD])
        guard let reply = try linkCall({ () throws(LinkError) in
            try reader.read(exactly: 2, deadline: Deadline(after: options.responseTimeout))
        }) else {
            isInRawRepl = false
            throw noAnswer("to the code it was sent")
        }
        guard reply == RawRepl.ok else {
            isInRawRepl = false
            let said = String(decoding: reply + reader.takeAll(), as: UTF8.self).debugDescription
            throw SessionError.protocolViolation(
                "\(link.name) did not accept the code (said \(said) instead of OK); try again or `uremote reset`")
        }
    }

    // MARK: Helpers

    private func deliver(_ chunk: [UInt8], to output: inout [UInt8], _ onOutput: (([UInt8]) -> Void)?) {
        guard !chunk.isEmpty else { return }
        output.append(contentsOf: chunk)
        onOutput?(chunk)
    }

    /// A board that restarts mid-command never sends the closing `\x04`; it prints a fresh prompt
    /// instead. The raw banner is definite; a friendly `>>> ` after a MicroPython/CircuitPython
    /// banner only counts once the board has been quiet, since a program might print one.
    private func restartSeen(in output: [UInt8], quiet: Bool) -> SessionError? {
        let tail = Array(output.suffix(400))
        if let end = RawRepl.bannerEnd(in: tail), end == tail.count {
            isInRawRepl = true
            return .boardRestarted("\(link.name) restarted while running the code (it is back at the raw REPL); "
                + "its effect is unknown, run it again")
        }
        guard quiet, tail.count >= 4, Array(tail.suffix(5)) == Array("\n>>> ".utf8) else { return nil }
        let text = String(decoding: tail, as: UTF8.self)
        guard text.contains("MicroPython") || text.contains("CircuitPython") else { return nil }
        isInRawRepl = false
        return .boardRestarted("\(link.name) restarted while running the code (it is back at the >>> prompt); "
            + "its effect is unknown, run it again")
    }

    private func runningTooLong(_ limit: Duration?) -> SessionError {
        isInRawRepl = false
        interrupt()
        let seconds = limit.map { String(format: "%.1f", $0.seconds) } ?? "?"
        return .timeout("\(link.name): the code was still running after \(seconds) s, so it was interrupted; "
            + "allow more time or make it finish sooner")
    }

    private func noAnswer(_ what: String) -> SessionError {
        isInRawRepl = false
        let seconds = String(format: "%.1f", options.responseTimeout.seconds)
        return .timeout("no answer from \(link.name) \(what) within \(seconds) s: "
            + "is the board still connected? try again or `uremote reset`")
    }
}
