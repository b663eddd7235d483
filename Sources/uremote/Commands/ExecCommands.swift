import Foundation
import URemoteKit

/// The board's program raised; its traceback is already on stderr, so the runner only sets exit status 1.
struct BoardProgramFailed: Error {}

/// Runs code on the board in raw REPL mode, streaming its output; shared by `exec`, `eval`, `run`.
enum BoardProgram {
    static func run(_ code: String, follow: Bool, in context: CommandContext) throws {
        let session = try context.rawSession()
        context.markActed()
        guard follow else {
            try session.startExecution(code)
            context.noteProgramLeftRunning()
            return
        }
        let output = context.output
        var stoppedForClosedOutput = false
        let result = try context.runGuarded(session) {
            try session.execute(code, timeout: nil, onOutput: { bytes in
                output.write(bytes: bytes)
                // Nobody reads any more (`| head`): stop the program instead of running on unseen.
                if output.pipeClosed && !stoppedForClosedOutput {
                    stoppedForClosedOutput = true
                    session.interrupt()
                }
            })
        }
        output.finish()
        if stoppedForClosedOutput {
            throw CommandFailure("output closed; the program on the board was stopped")
        }
        if result.raisedException {
            context.errors.write(bytes: result.errorOutput)
            context.errors.finish()
            throw BoardProgramFailed()
        }
    }

    static let followOption = OptionSpec.toggle(
        "follow", short: "f", default: true, summary: "wait for the program and stream its output (default); --no-follow starts it and moves on")
}

/// `exec CODE`
enum ExecCommand: CLICommand {
    static let spec = CommandSpec(
        ["exec"], summary: "run a string of Python code on the board",
        details: "Runs CODE in the board's raw REPL and streams what it prints. With --no-follow the code is started and uremote moves on without waiting. A traceback goes to stderr and makes the exit status 1.",
        options: [BoardProgram.followOption],
        positionals: [PositionalSpec("CODE", summary: "Python statements")])

    static func run(_ command: ParsedCommand, in context: CommandContext) throws {
        try BoardProgram.run(command.argument("CODE") ?? "", follow: command.flag("follow"), in: context)
    }
}

/// `eval EXPRESSION`
enum EvalCommand: CLICommand {
    static let spec = CommandSpec(
        ["eval"], summary: "evaluate a Python expression on the board and print its value",
        details: "Prints the value of EXPRESSION as print() shows it on the board.",
        positionals: [PositionalSpec("EXPRESSION", summary: "a Python expression")])

    static func run(_ command: ParsedCommand, in context: CommandContext) throws {
        try BoardProgram.run("print(" + (command.argument("EXPRESSION") ?? "") + ")", follow: true, in: context)
    }
}

/// `run FILE`
enum RunCommand: CLICommand {
    static let spec = CommandSpec(
        ["run"], summary: "run a local Python file on the board",
        details: """
            Sends FILE from the computer to the board's RAM and runs it, streaming its output; nothing \
            is written to the board's filesystem. When run is the first command of the line to reach \
            the board, the board is soft-reset first so the script starts from a clean interpreter; \
            put 'resume' before it (or any other board command) to keep the board's state.
            """,
        options: [BoardProgram.followOption],
        positionals: [PositionalSpec("FILE", completion: .localPath, summary: "a Python file on the computer")])

    static func run(_ command: ParsedCommand, in context: CommandContext) throws {
        let path = command.argument("FILE") ?? ""
        let code: String
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            code = String(decoding: data, as: UTF8.self)
        } catch {
            throw CommandFailure("run: cannot read '\(path)': \(FileErrors.reason(error))")
        }
        if context.resetsBeforeRun { try context.softReset() }
        try BoardProgram.run(code, follow: command.flag("follow"), in: context)
    }
}
