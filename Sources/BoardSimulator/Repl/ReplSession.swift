/// MicroPython's REPL driver (`pyexec`): the friendly REPL with paste mode, the raw REPL and
/// raw-paste, with exactly the bytes a real board sends, because mpremote, Thonny and uremote
/// synchronise on them.
///
/// It returns only by throwing a `BoardSignal`: Ctrl-D or `SystemExit` ask for a soft reset,
/// which the board performs.
final class ReplSession {
    /// The raw-paste receive buffer; the flow-control window is half of it, as on a board.
    static let rawPasteBufferSize = 256

    enum Mode { case friendly, raw }

    private let console: BoardConsole
    private let engine: ScriptEngine
    private let personality: BoardPersonality
    private let execute: (_ work: () -> ScriptOutcome) throws(BoardSignal) -> ScriptOutcome
    private var editor = LineEditor()
    private(set) var mode: Mode = .friendly

    /// `execute` wraps each run of user code (arming Ctrl-C, noticing machine.reset()).
    init(console: BoardConsole, engine: ScriptEngine, personality: BoardPersonality,
         execute: @escaping (_ work: () -> ScriptOutcome) throws(BoardSignal) -> ScriptOutcome) {
        self.console = console
        self.engine = engine
        self.personality = personality
        self.execute = execute
        editor.completer = { [unowned engine] word in engine.completions(for: word) }
    }

    /// Keeps the line-editor history across soft resets but starts in `mode`.
    func enter(mode: Mode) {
        self.mode = mode
    }

    /// Serves the REPL until a reset is needed.
    func serve() throws(BoardSignal) -> Never {
        while true {
            switch mode {
            case .raw: try rawRepl()
            case .friendly: try friendlyRepl()
            }
        }
    }

    // MARK: friendly REPL

    private func printBanner() {
        console.write(personality.bannerLine + "\r\n")
        if personality == .micropython {
            console.write("Type \"help()\" for more information.\r\n")
        }
    }

    private func readLine(existing: [UInt8], prompt: String) throws(BoardSignal) -> LineEditor.Result {
        editor.begin(existing: existing, prompt: prompt, output: console.write)
        while true {
            let byte = try console.readByte()
            let result = editor.process(byte, output: console.write)
            if result != .pending { return result }
        }
    }

    private func friendlyRepl() throws(BoardSignal) {
        printBanner()
        inputLoop: while true {
            var result = try readLine(existing: [], prompt: ">>> ")
            var line = editor.line
            var fileMode = false
            switch result {
            case .control(0x01):
                console.write("\r\n")
                mode = .raw
                return
            case .control(0x02):
                console.write("\r\n")
                printBanner()
                continue inputLoop
            case .control(0x03):
                console.write("\r\n")
                continue inputLoop
            case .control(0x04):
                console.write("\r\n")
                throw .softReset
            case .control(0x05):
                guard let pasted = try pasteMode() else { continue inputLoop }
                line = pasted
                fileMode = true
            default:
                if line.isEmpty { continue inputLoop }
                while engine.needsMoreInput(Self.text(line)) {
                    line.append(0x0A)
                    result = try readLine(existing: line, prompt: "... ")
                    line = editor.line
                    if result == .control(0x03) {
                        console.write("\r\n")
                        continue inputLoop
                    }
                    if result == .control(0x04) { break }
                }
            }
            let source = Self.text(line)
            let outcome = try execute {
                fileMode ? engine.run(source: source, filename: "<stdin>") : engine.runInteractive(source: source)
            }
            switch outcome {
            case .completed: break
            case .exception(let traceback): console.writeCooked(traceback)
            case .systemExit: throw .softReset
            }
        }
    }

    /// Collects a paste-mode block; nil when cancelled with Ctrl-C.
    private func pasteMode() throws(BoardSignal) -> [UInt8]? {
        console.write("\r\npaste mode; Ctrl-C to cancel, Ctrl-D to finish\r\n=== ")
        var text: [UInt8] = []
        while true {
            let c = try console.readByte()
            switch c {
            case 0x03:
                console.write("\r\n")
                return nil
            case 0x04:
                console.write("\r\n")
                return text
            case 0x0D:
                text.append(c)
                console.write("\r\n=== ")
            default:
                text.append(c)
                console.write([c])
            }
        }
    }

    // MARK: raw REPL

    private func rawRepl() throws(BoardSignal) {
        console.write("raw REPL; CTRL-B to exit\r\n")
        while true {
            console.write(">")
            var line: [UInt8] = []
            readCommand: while true {
                let c = try console.readByte()
                switch c {
                case 0x01:
                    if line.count == 2 && line[0] == 0x05 {
                        try rawPaste(command: line[1])
                        line.removeAll()
                        console.write(">")
                        continue readCommand
                    }
                    console.write("raw REPL; CTRL-B to exit\r\n")
                    line.removeAll()
                    console.write(">")
                case 0x02:
                    console.write("\r\n")
                    mode = .friendly
                    return
                case 0x03:
                    line.removeAll()
                case 0x04:
                    break readCommand
                default:
                    line.append(c)
                }
            }
            console.write("OK")
            if line.isEmpty {
                console.write("\r\n")
                throw .softReset
            }
            try runWithEOFMarkers(Self.text(line))
        }
    }

    /// Runs raw-REPL code and frames its output as `out \x04 err \x04`.
    private func runWithEOFMarkers(_ source: String) throws(BoardSignal) {
        let outcome = try execute { engine.run(source: source, filename: "<stdin>") }
        console.write([0x04])
        switch outcome {
        case .completed: break
        case .exception(let traceback): console.writeCooked(traceback)
        case .systemExit:
            console.write([0x04])
            throw .softReset
        }
        console.write([0x04])
    }

    /// Raw-paste mode: the host streams code in windows the board grants with `\x01`.
    private func rawPaste(command: UInt8) throws(BoardSignal) {
        guard command == UInt8(ascii: "A") else {
            console.write("R\u{0}")
            return
        }
        let window = Self.rawPasteBufferSize / 2
        console.write([UInt8(ascii: "R"), 0x01, UInt8(window & 0xFF), UInt8(window >> 8), 0x01])
        var remaining = window
        var source: [UInt8] = []
        while true {
            let c = try console.readByte()
            if c == 0x03 || c == 0x04 {
                console.write([0x04])
                if c == 0x03 {
                    // Interrupted while receiving: KeyboardInterrupt before anything ran.
                    console.write([0x04])
                    console.writeCooked("KeyboardInterrupt: \n")
                    console.write([0x04])
                    return
                }
                break
            }
            source.append(c)
            remaining -= 1
            if remaining == 0 {
                console.write([0x01])
                remaining = window
            }
        }
        try runWithEOFMarkers(Self.text(source))
    }

    /// Source bytes as text for the interpreter; a lone `\r` (paste mode) ends a line too.
    static func text(_ bytes: [UInt8]) -> String {
        var normalized: [UInt8] = []
        normalized.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0D {
                normalized.append(0x0A)
                if index + 1 < bytes.count && bytes[index + 1] == 0x0A { index += 1 }
            } else {
                normalized.append(byte)
            }
            index += 1
        }
        return String(decoding: normalized, as: UTF8.self)
    }
}
