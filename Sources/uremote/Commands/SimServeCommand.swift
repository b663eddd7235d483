import BoardSimulator
import Dispatch
import Foundation
import URemoteKit

/// `sim serve`: the simulated board on a pseudo-terminal, for any tool that talks to a serial port.
enum SimServeCommand: CLICommand {
    static let spec = CommandSpec(
        ["sim", "serve"],
        summary: "serve the simulated board on a pseudo-terminal until stopped",
        details: """
            Powers up a simulated board and serves it on a new pseudo-terminal, printing its path; \
            mpremote, Thonny, tio or another uremote can open it like a USB board, and uremote's \
            'auto' device picks it when no USB board is attached. The board keeps \
            running (and keeps its RAM state) while clients come and go; Ctrl-C or SIGTERM stops it. \
            Its flash is the default board's folder in the user's data directory unless --flash \
            names a folder.
            """,
        options: [
            .value("link", placeholder: "PATH", completion: .localPath,
                   summary: "also make PATH a symlink to the pseudo-terminal, a stable name for scripts"),
            .value("flash", placeholder: "DIR", completion: .localPath, summary: "use DIR as the board's flash"),
            .value("personality", placeholder: "KIND", completion: .choice(["micropython", "circuitpython"]), summary: "micropython (default) or circuitpython"),
            .value("baud", placeholder: "RATE", summary: "pace the link at RATE bits/s with a UART's overflowing receive buffer"),
            .value("capacity", placeholder: "BYTES", summary: "flash size (default 2097152)"),
            .value("faults", placeholder: "SPEC",
                   summary: "testing: misbehave, e.g. drop=0.01,corrupt=0.001,disconnect-after=N,reset-after=N,delay-ms=N,seed=N"),
        ])

    static func run(_ command: ParsedCommand, in context: CommandContext) throws {
        let configuration = try makeConfiguration(command)
        context.markActed()
        let server = PseudoTerminalServer(board: SimulatedBoard(configuration: configuration),
                                          linkPath: command.value("link"))
        let path: String
        do {
            path = try server.start()
        } catch {
            throw CommandFailure("sim serve: \(error.message)")
        }
        context.output.line(path)
        // Scripts read the path while the server runs: it cannot wait for the end of the chain.
        context.output.releaseHeldText()
        // `connect auto` falls back to a served simulator when no USB board is attached.
        let registered = ServedBoardRegistry.add(path: command.value("link") ?? path)
        defer { ServedBoardRegistry.remove(registered) }
        if !context.quiet {
            context.errors.line("uremote: serving the simulated board (flash \(configuration.flashFolder)) on \(path); Ctrl-C stops it")
        }
        waitForStop(server: server)
        server.stop()
    }

    private static func makeConfiguration(_ command: ParsedCommand) throws -> BoardConfiguration {
        let flash: String
        if let folder = command.value("flash") {
            flash = (try? FlashFolder.resolve(simArgument: folder.contains("/") ? folder : "./" + folder).path) ?? folder
        } else {
            flash = (try? FlashFolder.resolve(simArgument: "").path) ?? FlashFolder.boardsRoot + "/default"
        }
        var configuration = BoardConfiguration(flashFolder: flash)
        if let kind = command.value("personality") {
            guard let personality = BoardPersonality(rawValue: kind.lowercased()) else {
                throw CommandFailure.usage("sim serve: --personality must be micropython or circuitpython, got '\(kind)'")
            }
            configuration.personality = personality
        }
        if let baud = command.value("baud") {
            guard let rate = Int(baud), rate > 0 else {
                throw CommandFailure.usage("sim serve: --baud needs a positive number, got '\(baud)'")
            }
            configuration.baudRate = rate
        }
        if let capacity = command.value("capacity") {
            guard let bytes = Int(capacity), bytes > 0 else {
                throw CommandFailure.usage("sim serve: --capacity needs a positive number of bytes, got '\(capacity)'")
            }
            configuration.flashCapacity = bytes
        }
        if let spec = command.value("faults") {
            do {
                configuration.faults = try FaultInjection.parse(spec)
            } catch {
                throw CommandFailure.usage("sim serve: \(error.description)")
            }
        }
        return configuration
    }

    /// Blocks until SIGINT or SIGTERM arrives or the board leaves (machine.bootloader()).
    private static func waitForStop(server: PseudoTerminalServer) {
        let stop = DispatchSemaphore(value: 0)
        var sources: [DispatchSourceSignal] = []
        for number in [SIGINT, SIGTERM, SIGHUP] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { stop.signal() }
            source.resume()
            sources.append(source)
        }
        let board = server.board
        Thread.detachNewThread {
            board.waitUntilStopped(timeout: .seconds(Int64.max / 2_000_000_000))
            stop.signal()
        }
        stop.wait()
        sources.forEach { $0.cancel() }
    }
}
