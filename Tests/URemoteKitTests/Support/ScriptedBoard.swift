import Foundation
@testable import URemoteKit

/// A fake MicroPython board on an `InMemoryLink`, driven byte by byte like the real raw REPL, with
/// knobs for the ways real boards misbehave. It runs on its own thread; `host` is the session's end.
final class ScriptedBoard: @unchecked Sendable {
    /// What the board sends back for a program: stdout and the traceback, or raw bytes that
    /// replace the whole response (for reboots and broken framing).
    enum Reply {
        case output(String, error: String = "")
        case raw([UInt8])
        /// Sends `first`, then waits until the host sends Ctrl-C, then reports KeyboardInterrupt.
        case runUntilInterrupted(first: String)
    }

    struct Behaviour {
        /// Bytes per write from the board; 1 splits everything into single bytes.
        var chunkSize = 4096
        /// Printed on every Ctrl-C, before anything else (a chatty main.py, stale output).
        var noiseOnInterrupt = ""
        var rawPasteSupported = true
        /// Firmware too old to know raw-paste: treats the request as text.
        var rawPasteUnknown = false
        var window = 32
        /// Pause before granting more raw-paste window, to see that the host waits.
        var grantDelay: TimeInterval = 0
        /// Never says anything at all.
        var silent = false
        /// Shows the raw banner but never the `>` after it.
        var omitRawPrompt = false
        /// Ends a raw-paste early with its own Ctrl-D after this many bytes.
        var abortPasteAfter: Int?
    }

    let host: InMemoryLink
    private let board: InMemoryLink
    private let lock = NSLock()
    private var behaviourStorage: Behaviour
    private var handler: (String) -> Reply
    private var thread: Thread?

    // Observations, read by tests.
    private(set) var programs: [String] = []
    private(set) var windowViolations = 0
    private(set) var received: [UInt8] = []
    private(set) var usedRawPaste: [Bool] = []

    private enum Mode { case friendly, raw, paste }
    private var mode = Mode.friendly
    private var line: [UInt8] = []
    private var pasteGranted = 0
    private var pasteReceived = 0

    init(_ behaviour: Behaviour = Behaviour(), handler: @escaping (String) -> Reply = { _ in .output("") }) {
        (host, board) = InMemoryLink.makePair(name: "scripted")
        behaviourStorage = behaviour
        self.handler = handler
        let thread = Thread { [unowned self] in self.serve() }
        self.thread = thread
        thread.start()
    }

    var behaviour: Behaviour {
        get { lock.lock(); defer { lock.unlock() }; return behaviourStorage }
        set { lock.lock(); behaviourStorage = newValue; lock.unlock() }
    }

    func stop() {
        board.close()
        host.close()
    }

    deinit { stop() }

    // MARK: The board's loop

    private func serve() {
        while true {
            guard let bytes = try? board.read(maxCount: 4096, timeout: .milliseconds(50)) else { return }
            for byte in bytes { consume(byte) }
        }
    }

    private func send(_ text: String) { send(Array(text.utf8)) }

    private func send(_ bytes: [UInt8]) {
        guard !behaviour.silent, !bytes.isEmpty else { return }
        let size = max(1, behaviour.chunkSize)
        var i = 0
        while i < bytes.count {
            try? board.write(Array(bytes[i..<min(bytes.count, i + size)]))
            i += size
        }
    }

    private func rawBanner() {
        send("raw REPL; CTRL-B to exit\r\n")
        if !behaviour.omitRawPrompt { send(">") }
    }

    private func consume(_ byte: UInt8) {
        lock.lock(); received.append(byte); lock.unlock()
        switch mode {
        case .friendly:
            switch byte {
            case 0x03:
                send(behaviour.noiseOnInterrupt + "\r\n>>> ")
                line = []
            case 0x01 where line.isEmpty:
                mode = .raw
                send("\r\n")
                rawBanner()
            case 0x0D:
                send("\r\n>>> ")
                line = []
            default:
                line.append(byte)
            }
        case .raw:
            consumeRaw(byte)
        case .paste:
            consumePaste(byte)
        }
    }

    private func consumeRaw(_ byte: UInt8) {
        switch byte {
        case 0x01 where line == [0x05, UInt8(ascii: "A")] && !behaviour.rawPasteUnknown:
            line = []
            if behaviour.rawPasteSupported {
                let w = behaviour.window
                send([UInt8(ascii: "R"), 0x01, UInt8(w & 0xFF), UInt8(w >> 8), 0x01])
                pasteGranted = 2 * w
                pasteReceived = 0
                mode = .paste
            } else {
                send([UInt8(ascii: "R"), 0x00])
            }
        case 0x01:
            line = []
            rawBanner()
        case 0x02:
            mode = .friendly
            line = []
            send("\r\nMicroPython v1.99 on 2026-01-01; scripted board\r\nType \"help()\" for more information.\r\n>>> ")
        case 0x03:
            line = []
            if !behaviour.noiseOnInterrupt.isEmpty { send(behaviour.noiseOnInterrupt) }
        case 0x04:
            if line.isEmpty {
                send("OK\r\nMPY: soft reboot\r\n")
                rawBanner()
                return
            }
            let code = String(decoding: line, as: UTF8.self)
            line = []
            send("OK")
            run(code, paste: false)
        default:
            line.append(byte)
        }
    }

    private func consumePaste(_ byte: UInt8) {
        if byte == 0x04 {
            mode = .raw
            send([0x04])
            let code = String(decoding: line, as: UTF8.self)
            line = []
            run(code, paste: true)
            return
        }
        pasteReceived += 1
        if pasteReceived > pasteGranted {
            lock.lock(); windowViolations += 1; lock.unlock()
        }
        line.append(byte)
        if let limit = behaviour.abortPasteAfter, pasteReceived >= limit {
            // The board gives up on the paste: it says so with Ctrl-D and waits for the host's.
            send([0x04])
            mode = .raw
            line = []
            waitForByte(0x04)
            send("\u{04}Traceback (most recent call last):\r\nKeyboardInterrupt: \r\n\u{04}>")
            return
        }
        let w = behaviour.window
        if pasteReceived >= pasteGranted - w {
            if behaviour.grantDelay > 0 { Thread.sleep(forTimeInterval: behaviour.grantDelay) }
            pasteGranted += w
            send([0x01])
        }
    }

    private func waitForByte(_ wanted: UInt8) {
        while let bytes = try? board.read(maxCount: 1, timeout: .seconds(5)) {
            if bytes.first == wanted { return }
            if bytes.isEmpty { return }
        }
    }

    private func run(_ code: String, paste: Bool) {
        lock.lock()
        programs.append(code)
        usedRawPaste.append(paste)
        let reply = handler(code)
        lock.unlock()
        switch reply {
        case .output(let out, let err):
            send(out + "\u{04}" + err + "\u{04}>")
        case .raw(let bytes):
            send(bytes)
            if let end = RawRepl.bannerEnd(in: bytes), end == bytes.count { mode = .raw }
            else if bytes.suffix(4) == Array(">>> ".utf8) { mode = .friendly }
        case .runUntilInterrupted(let first):
            send(first)
            waitForByte(0x03)
            send("\u{04}Traceback (most recent call last):\r\n  File \"<stdin>\", line 1, in <module>\r\nKeyboardInterrupt: \r\n\u{04}>")
        }
    }
}
