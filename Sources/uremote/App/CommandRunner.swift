import Foundation
import URemoteKit

/// Parses a command line, runs its chain of commands and turns every outcome into an exit status:
/// 0 success, 1 board exception or runtime error, 2 usage error.
enum CommandRunner {
    static func run(_ arguments: [String]) -> Int32 {
        let errors = ConsoleOutput.standardError
        var words = arguments
        var quiet = false
        while let first = words.first, first == "-q" || first == "--quiet" {
            quiet = true
            words.removeFirst()
        }
        if let first = words.first, first == "--generate" || first == "--explain" {
            return HiddenTools.run(first, Array(words.dropFirst()))
        }

        let config: UremoteConfig
        let chain: [ParsedCommand]
        do {
            config = try UremoteConfig.load()
            let line = try CommandTable.grammar.parseLine(words, aliases: config.aliasExpander)
            chain = line.commands
            words = line.expandedWords
        } catch let error as ConfigError {
            errors.line("\(ProgramName.current): config error in \(error); fix or move that file")
            return 2
        } catch let error as CommandLineError {
            errors.line("\(ProgramName.current): \(error.message)")
            return 2
        } catch {
            errors.line("\(ProgramName.current): \(error)")
            return 2
        }
        if let asksHelp = chain.first(where: \.wantsHelp) {
            ConsoleOutput.standardOutput.write(HelpText.command(asksHelp.spec))
            return 0
        }

        if words.first == "connect", let many = ManyBoardsRunner.devices(in: words) {
            return ManyBoardsRunner.run(words, deviceIndex: many.index, devices: many.devices, quiet: quiet)
        }

        let context = CommandContext(quiet: quiet, configuredDevice: config.defaultDevice)
        defer { context.disconnect() }
        do {
            for command in chain {
                guard let handler = CommandTable.handler(for: command.spec) else {
                    throw CommandFailure("'\(command.name)' has no implementation")
                }
                try handler.run(command, in: context)
            }
            if !context.acted {
                try ReplCommand.run(try CommandTable.grammar.parse(["repl"])[0], in: context)
            }
            context.output.finish()
            context.output.releaseHeldText()
            return 0
        } catch {
            context.output.finish()
            context.output.releaseHeldText()
            return report(error, errors: errors, output: context.output)
        }
    }

    /// Prints `error` as one line (or a board traceback as sent) and picks the exit status.
    static func report(_ error: any Error, errors: ConsoleOutput, output: ConsoleOutput) -> Int32 {
        func say(_ message: String) {
            if output.lastByte != 10 && errors.isTerminal && output.isTerminal { errors.write("\n") }
            errors.line(ProgramName.current + ": " + oneLine(message))
        }
        switch error {
        case is StopChain:
            return 0
        case is BoardProgramFailed:
            return 1
        case let failure as CommandFailure:
            say(failure.message)
            if let detail = failure.detail, !detail.isEmpty {
                errors.write(detail.hasSuffix("\n") ? detail : detail + "\n")
            }
            return failure.status
        case let failure as CommandLineError:
            say(failure.message)
            return 2
        case let failure as SessionError:
            if case .boardException(let traceback) = failure {
                errors.write(traceback.hasSuffix("\n") ? traceback : traceback + "\n")
                return 1
            }
            say(failure.description)
            return 1
        case let failure as LinkError:
            say(failure.description)
            return 1
        default:
            say(String(describing: error))
            return 1
        }
    }

    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }
}
