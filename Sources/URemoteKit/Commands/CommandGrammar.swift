/// The set of commands and shortcuts uremote understands, and the parser for mpremote's
/// command language built from them.
///
/// The language: commands follow each other, optionally separated by `+`. Each command takes
/// its options, then its positionals; a command with a fixed number of positionals ends after
/// them, so `exec "x=5" eval x` is two commands, while a variadic one (`cp A B C`) takes every word
/// up to the next `+` or the end, as in mpremote. Shortcuts (`a0`, `devs`, `ls`) stand for longer
/// forms. A group word (`fs`, `sim`) followed by one of its subcommands names a multi-word command.
public struct CommandGrammar: Sendable {
    public let commands: [CommandSpec]
    public let shortcuts: [ShortcutSpec]

    public init(commands: [CommandSpec], shortcuts: [ShortcutSpec]) {
        self.commands = commands
        self.shortcuts = shortcuts
    }

    /// The command named exactly by `name` (`"fs ls"`), or by a shortcut of it.
    public func command(named name: String) -> CommandSpec? {
        commands.first { $0.name == name } ?? commands.first { $0.shortcuts.contains(name) }
    }

    public func shortcut(named name: String) -> ShortcutSpec? {
        shortcuts.first { $0.name == name }
    }

    /// Words that start multi-word commands (`fs`, `sim`).
    public var groups: [String] {
        var seen: [String] = []
        for spec in commands where spec.words.count > 1 && !seen.contains(spec.words[0]) {
            seen.append(spec.words[0])
        }
        return seen
    }

    /// Splits a command line (without the program name) into commands.
    public func parse(_ arguments: [String]) throws(CommandLineError) -> [ParsedCommand] {
        var parser = CommandLineParser(grammar: self, words: arguments)
        return try parser.parseAll()
    }
}
