import BoardSimulator
import Foundation
import PythonInterpreter
import URemoteKit

/// `uremote sim run FILE|-`: runs a program on a fresh simulated board whose flash is the
/// current folder, like `micropython FILE` on the unix port: output on stdout, the traceback of
/// an uncaught exception on stderr with exit status 1, SystemExit(n) exits with n.
enum SimRunCommand: CLICommand {
    static let spec = CommandSpec(
        ["sim", "run"], summary: "run a Python file on the bundled interpreter",
        details: "Runs FILE (or standard input for -) on a fresh simulated board whose filesystem is the current folder, as `micropython FILE` does: relative open() and imports work, output goes to stdout, an uncaught exception prints its traceback on stderr and exits 1, SystemExit(n) exits with n. ARGS become sys.argv[1:].",
        positionals: [PositionalSpec("FILE", completion: .localPath, summary: "a Python file on the computer, or - for standard input"),
                      PositionalSpec("ARGS", arity: .zeroOrMore, summary: "arguments for sys.argv")])

    static func run(_ command: ParsedCommand, in context: CommandContext) throws {
        context.markActed()
        let target = command.argument("FILE") ?? "-"
        let source: String
        let filename: String
        if target == "-" {
            source = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            filename = "<stdin>"
        } else {
            do {
                source = String(decoding: try Data(contentsOf: URL(fileURLWithPath: target)), as: UTF8.self)
            } catch {
                throw CommandFailure("sim run: cannot read '\(target)': \(FileErrors.reason(error))")
            }
            filename = target
        }
        context.output.finish()
        let host = StandardIOHost(fileSystem: HostFolderFileSystem(root: FileManager.default.currentDirectoryPath))
        var configuration = InterpreterConfiguration(host: host)
        configuration.argv = [target] + command.arguments("ARGS")
        let interpreter = Interpreter(configuration: configuration)
        let sigint = InterruptForwarder(interpreter)
        defer { sigint.stop() }
        switch interpreter.run(source: source, filename: filename) {
        case .completed:
            return
        case .exception(let error):
            host.writeStderr(Array(error.traceback.utf8))
            throw BoardProgramFailed()
        case .systemExit(let code):
            if code == 0 { return }
            if code == 1 { throw BoardProgramFailed() }
            ConsoleOutput.standardOutput.releaseHeldText()
            exit(code)
        }
    }
}

/// Turns the terminal's Ctrl-C (SIGINT) into a KeyboardInterrupt inside the running program,
/// as the unix port does.
final class InterruptForwarder: @unchecked Sendable {
    private let source: DispatchSourceSignal
    init(_ interpreter: Interpreter) {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { interpreter.interrupt() }
        source.resume()
    }
    func stop() {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }
}
