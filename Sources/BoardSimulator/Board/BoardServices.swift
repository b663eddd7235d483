import Foundation

/// What the board offers the Python runtime: its console as stdin/stdout, its flash and its
/// reset lines. An engine factory receives one and wires it into the interpreter's host.
public final class BoardServices: @unchecked Sendable {
    let console: BoardConsole
    public let configuration: BoardConfiguration
    /// Where `_board.completions` leaves Tab candidates for the REPL.
    let completionBox = CompletionBox()
    private let flagLock = NSLock()
    private var hostOwnsFlash = false
    private var runningBootScript = false

    /// CircuitPython: while the host has the flash as a USB drive, Python may not write to it,
    /// and outside edits trigger auto-reload. boot.py can hand the flash to Python
    /// (`storage.remount("/", readonly=False)`) until the next hard reset.
    public var usbDriveOwnsFlash: Bool {
        get { flagLock.lock(); defer { flagLock.unlock() }; return hostOwnsFlash }
        set { flagLock.lock(); hostOwnsFlash = newValue; flagLock.unlock() }
    }

    /// Whether boot.py is running, the only time CircuitPython lets storage be remounted.
    public var inBootScript: Bool {
        get { flagLock.lock(); defer { flagLock.unlock() }; return runningBootScript }
        set { flagLock.lock(); runningBootScript = newValue; flagLock.unlock() }
    }

    init(console: BoardConsole, configuration: BoardConfiguration) {
        self.console = console
        self.configuration = configuration
        self.hostOwnsFlash = configuration.personality == .circuitpython
    }

    /// Program output (print, sys.stdout) with board line ends.
    public func writeOutput(_ bytes: [UInt8]) {
        console.writeCooked(bytes)
    }

    /// Raw bytes to the host, for `sys.stdout.buffer`.
    public func writeRawOutput(_ bytes: [UInt8]) {
        console.write(bytes)
    }

    /// Blocks for stdin bytes; `[]` after an interrupt, nil once the host is gone.
    public func readInput(maxCount: Int) -> [UInt8]? {
        console.readForScript(maxCount: maxCount)
    }

    /// Whether stdin has a byte ready (select.poll).
    public var inputReady: Bool { console.hasInput }

    /// Waits for stdin (nil: forever); false on timeout or when interrupted.
    public func waitForInput(timeout: Duration?) -> Bool {
        console.waitForInput(timeout: timeout)
    }

    /// What `input()` gets from the console.
    public enum InputLine: Equatable, Sendable {
        case line([UInt8])
        case interrupted
        case endOfInput
    }

    /// A line typed for `input()`, edited and echoed by the board's line editor as MicroPython's
    /// `input` does (a terminal shows what the user types; Ctrl-C interrupts, Ctrl-D on an empty
    /// line ends input).
    public func readEditedLine() -> InputLine {
        var editor = LineEditor()
        editor.begin(existing: [], prompt: "", output: console.write)
        let mark = console.wakeMark
        while true {
            guard let bytes = console.readForScript(maxCount: 1, since: mark) else { return .endOfInput }
            guard let byte = bytes.first else { return .interrupted }
            switch editor.process(byte, output: console.write) {
            case .pending:
                continue
            case .enter:
                return .line(editor.line)
            case .control(0x03):
                console.interruptRunningCode()
                return .interrupted
            case .control(0x04):
                return .endOfInput
            case .control:
                return .line(editor.line)
            }
        }
    }

    /// `machine.reset()`: the board restarts from power-up once the running code unwinds.
    public func requestHardReset() { console.raise(.hardReset) }

    /// `machine.bootloader()`: the board leaves the session, closing its link.
    public func requestBootloader() { console.raise(.bootloader) }
}

/// Tab candidates handed from Python back to the line editor.
final class CompletionBox: @unchecked Sendable {
    private var names: [String] = []
    func clear() { names = [] }
    func store(_ list: [String]) { names = list }
    func take() -> [String] { defer { names = [] }; return names }
}
