/// The set of commands and shortcuts uremote understands, and the parser for mpremote's
/// command language built from them.
///
/// The language: commands follow each other, optionally separated by `+`. Each command takes
/// its options, then its positionals; a command with a fixed number of positionals ends after
/// them, so `exec "x=5" eval x` is two commands, while a variadic one (`cp A B C`) takes every word
/// up to the next `+` or the end, as in mpremote. Shortcuts (`a0`, `devs`, `ls`) stand for longer
/// forms. A group word (`fs`, `sim`) followed by one of its subcommands names a multi-word command.
/// User aliases expand wherever a command may start, exactly like shortcuts, so `connect a0 deploy`
/// works without a `+`, as it does in mpremote.
public struct CommandGrammar: Sendable {
    /// Expands a word found where a command starts, when it names a user alias: consumes the
    /// alias's arguments from `following` and returns the words that replace it, or nil when
    /// `name` is not an alias. Built-in command names never reach it.
    public typealias AliasExpander = (_ name: String, _ following: inout ArraySlice<String>) throws(CommandLineError) -> [String]?

    /// A parsed command line, with the words it was parsed from after every shortcut and alias
    /// was expanded (what `connect a0,a1 ...` hands to one process per board).
    public struct ParsedLine: Sendable {
        public var commands: [ParsedCommand]
        public var expandedWords: [String]
    }

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
        try parseLine(arguments).commands
    }

    /// Splits a command line into commands, expanding user aliases at every command position.
    public func parseLine(_ arguments: [String], aliases: AliasExpander? = nil) throws(CommandLineError) -> ParsedLine {
        var parser = CommandLineParser(grammar: self, words: arguments, aliases: aliases)
        let commands = try parser.parseAll()
        return ParsedLine(commands: commands, expandedWords: parser.words)
    }

    /// Whether `word` starts a built-in command (a command or a group word); such words are never
    /// taken for aliases, so a user cannot break `ls` or `fs`.
    public func isCommandWord(_ word: String) -> Bool {
        commands.contains { $0.words[0] == word || $0.shortcuts.contains(word) }
    }
}
