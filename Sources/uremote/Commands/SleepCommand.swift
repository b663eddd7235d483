import Foundation
import URemoteKit

/// `sleep SECONDS`
enum SleepCommand: CLICommand {
    static let spec = CommandSpec(
        ["sleep"], summary: "wait before the next command",
        details: "Pauses the chain for SECONDS (a decimal number, e.g. 0.5), for example to give a board time after a reset.",
        positionals: [PositionalSpec("SECONDS", summary: "how long to wait")])

    static func run(_ command: ParsedCommand, in context: CommandContext) throws {
        let text = command.argument("SECONDS") ?? ""
        guard let seconds = Double(text), seconds >= 0, seconds.isFinite else {
            throw CommandFailure.usage("sleep: expected a number of seconds, got '\(text)'")
        }
        Thread.sleep(forTimeInterval: seconds)
    }
}
