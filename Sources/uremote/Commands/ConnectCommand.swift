import URemoteKit

/// `connect DEVICE`: chooses the board for the rest of the chain, or lists boards (`connect list`).
enum ConnectCommand: CLICommand {
    static let spec = CommandSpec(
        ["connect"],
        summary: "connect to a board (list, auto, id:SERIAL, port:PATH, PATH, sim, sim:NAME)",
        details: """
            Opens DEVICE for the commands that follow. 'list' prints every serial port (path, \
            serial number, VID:PID, manufacturer, product) and every USB board waiting in a \
            bootloader; 'auto' picks the first USB serial port (with none attached, a simulator \
            that 'uremote sim serve' serves on this machine); 'id:SERIAL' the port with that \
            serial number; 'port:PATH' or a plain PATH a given port; 'sim' or 'sim:NAME' the \
            built-in simulated board. Nothing is sent to the board until a command needs it, and \
            its state carries over between invocations (only a 'run' that comes first soft-resets it). \
            A comma-separated list (a0,a1,PATH) or 'all' (every USB serial board) runs the rest of \
            the chain on each board in parallel, each output line prefixed with its board, then \
            prints a summary; the exit status is 0 only when every board succeeded.
            """,
        options: [
            .value("baud", placeholder: "RATE", summary: "serial line rate in bits per second (default 115200)"),
            .toggle("dtr", default: false, summary: "force the DTR line on (--dtr) or off (--no-dtr); default leaves ESP32 boards un-reset"),
            .toggle("rts", default: false, summary: "force the RTS line on (--rts) or off (--no-rts)"),
        ],
        positionals: [PositionalSpec("DEVICE", completion: .device, summary: "the board to use")])

    static func run(_ command: ParsedCommand, in context: CommandContext) throws {
        let device = command.argument("DEVICE") ?? "auto"
        if let baud = command.value("baud") {
            guard let rate = Int(baud), rate > 0 else {
                throw CommandFailure.usage("connect: --baud needs a positive number, got '\(baud)'")
            }
            context.linkOptions.baudRate = rate
        }
        if let dtr = command.flags["dtr"] { context.linkOptions.dtr = dtr }
        if let rts = command.flags["rts"] { context.linkOptions.rts = rts }
        if device == "list" {
            context.disconnect()
            listDevices(to: context.output)
            context.markActed()
            return
        }
        try context.connect(to: device)
    }

    /// One line per port, in mpremote's column order, then boards waiting in a bootloader, then
    /// simulators served by `uremote sim serve` (which `auto` falls back to).
    static func listDevices(to output: ConsoleOutput) {
        for port in PortDiscovery.serialPorts().sorted(by: { $0.path < $1.path }) {
            output.line(port.listingLine)
        }
        for device in PortDiscovery.bootloaderDevices() {
            output.line(device.listingLine)
        }
        for path in ServedBoardRegistry.liveBoards() {
            output.line("\(path) None 0000:0000 uremote simulator [sim serve]")
        }
    }
}

/// `disconnect`: closes the board; a later command reconnects to the default device.
enum DisconnectCommand: CLICommand {
    static let spec = CommandSpec(
        ["disconnect"], summary: "disconnect from the current board",
        details: "Leaves the raw REPL and closes the link. A later command that needs a board connects to the same device again.")

    static func run(_ command: ParsedCommand, in context: CommandContext) throws {
        context.disconnect()
    }
}

/// `resume`: keeps the board's state, so a `run` does not soft-reset it first (as in mpremote).
enum ResumeCommand: CLICommand {
    static let spec = CommandSpec(
        ["resume"], summary: "keep the board's state: 'run' does not soft-reset first",
        details: """
            uremote soft-resets a board implicitly in one case only: before 'run' when that is the \
            first command of the line to reach the board, so a script starts from a clean interpreter \
            (as with mpremote and Thonny). 'resume' keeps the board's variables and modules for the \
            rest of the line. exec, eval, the file commands and repl never reset.
            """)

    static func run(_ command: ParsedCommand, in context: CommandContext) throws {
        context.keepsBoardState = true
    }
}

