import URemoteKit

/// `version`
enum VersionCommand: CLICommand {
    static let version = "0.1.0"
    static let spec = CommandSpec(["version"], summary: "print uremote's version and exit")

    static func run(_ command: ParsedCommand, in context: CommandContext) throws {
        context.output.line("uremote \(version)")
        throw StopChain()
    }
}

/// `help [COMMAND]`
enum HelpCommand: CLICommand {
    static let spec = CommandSpec(
        ["help"], summary: "print the list of commands, or help on one command, and exit",
        positionals: [PositionalSpec("COMMAND", arity: .zeroOrMore, summary: "a command to explain, e.g. 'exec' or 'fs ls'")])

    static func run(_ command: ParsedCommand, in context: CommandContext) throws {
        let topic = command.arguments("COMMAND").joined(separator: " ")
        if topic.isEmpty {
            context.output.write(HelpText.overview(CommandTable.grammar))
        } else if let spec = CommandTable.grammar.command(named: topic) {
            context.output.write(HelpText.command(spec))
        } else if CommandTable.grammar.groups.contains(topic) {
            for spec in CommandTable.grammar.commands where spec.words.first == topic && !spec.hidden {
                context.output.line("uremote \(spec.usage)")
                context.output.line("    \(spec.summary)")
            }
        } else if let shortcut = CommandTable.grammar.shortcut(named: topic) {
            context.output.line("\(shortcut.name): \(shortcut.summary) (same as 'uremote \(shortcut.expansion.joined(separator: " "))')")
        } else {
            throw CommandFailure.usage("help: '\(topic)' is not a command (see 'uremote help')")
        }
        throw StopChain()
    }
}
