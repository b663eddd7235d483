import URemoteKit

/// A grammar with mpremote's argument shapes, so parser rules are tested independently of the
/// real table (which `CommandLineTests` checks through the built binary).
enum TestGrammar {
    static let follow = OptionSpec.toggle("follow", short: "f", default: true, summary: "follow")
    static let grammar = CommandGrammar(
        commands: [
            CommandSpec(["connect"], summary: "connect", options: [.value("baud", placeholder: "RATE", summary: "baud")],
                        positionals: [PositionalSpec("DEVICE", summary: "device")]),
            CommandSpec(["exec"], summary: "exec", options: [follow], positionals: [PositionalSpec("CODE", summary: "code")]),
            CommandSpec(["eval"], summary: "eval", positionals: [PositionalSpec("EXPR", summary: "expr")]),
            CommandSpec(["repl"], summary: "repl", options: [
                .toggle("escape-non-printable", short: "e", default: false, summary: "escape"),
                .value("capture", placeholder: "FILE", summary: "capture"),
            ]),
            CommandSpec(["soft-reset"], summary: "soft reset"),
            CommandSpec(["fs", "cp"], shortcuts: ["cp"], summary: "copy", options: [
                .flag("recursive", short: "r", summary: "recursive"), .flag("force", short: "f", summary: "force"),
            ], positionals: [PositionalSpec("PATHS", arity: .oneOrMore, summary: "paths")]),
            CommandSpec(["fs", "ls"], shortcuts: ["ls"], summary: "list",
                        positionals: [PositionalSpec("PATH", arity: .zeroOrMore, summary: "paths")]),
            CommandSpec(["sim", "serve"], summary: "serve", options: [.value("link", placeholder: "PATH", summary: "link")]),
            CommandSpec(["help"], summary: "help", positionals: [PositionalSpec("TOPIC", arity: .optional, summary: "topic")]),
            CommandSpec(["sync"], summary: "sync", options: [
                .value("exclude", placeholder: "PATTERN", repeatable: true, summary: "exclude"),
            ]),
        ],
        shortcuts: [
            ShortcutSpec("a0", expandsTo: ["connect", "/dev/ttyACM0"], summary: "a0"),
            ShortcutSpec("devs", expandsTo: ["connect", "list"], summary: "devs"),
            ShortcutSpec("sim", expandsTo: ["connect", "sim"], summary: "sim"),
            ShortcutSpec("loop", expandsTo: ["loop"], summary: "bad"),
        ])

    /// Each command as `name key=value…`, compact for expectations.
    static func explain(_ words: [String]) throws -> [String] {
        try grammar.parse(words).map { command in
            var parts = [command.name]
            for (key, value) in command.flags.sorted(by: { $0.key < $1.key }) { parts.append("\(key)=\(value)") }
            for (key, value) in command.values.sorted(by: { $0.key < $1.key }) { parts.append("\(key)=\(value.joined(separator: ","))") }
            for positional in command.spec.positionals where !command.arguments(positional.name).isEmpty {
                parts.append(command.arguments(positional.name).joined(separator: "|"))
            }
            return parts.joined(separator: " ")
        }
    }

    static func error(_ words: [String]) -> String? {
        do {
            _ = try grammar.parse(words)
            return nil
        } catch {
            return error.message
        }
    }
}
