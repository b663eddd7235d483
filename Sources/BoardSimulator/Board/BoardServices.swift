/// What the board offers the Python runtime: its console as stdin/stdout, its flash and its
/// reset lines. An engine factory receives one and wires it into the interpreter's host.
public final class BoardServices: @unchecked Sendable {
    let console: BoardConsole
    public let configuration: BoardConfiguration

    init(console: BoardConsole, configuration: BoardConfiguration) {
        self.console = console
        self.configuration = configuration
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

    /// `machine.reset()`: the board restarts from power-up once the running code unwinds.
    public func requestHardReset() { console.raise(.hardReset) }

    /// `machine.bootloader()`: the board leaves the session, closing its link.
    public func requestBootloader() { console.raise(.bootloader) }
}
