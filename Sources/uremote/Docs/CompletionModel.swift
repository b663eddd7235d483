import URemoteKit

/// What every completion script needs from the command table, in one shape.
struct CompletionModel {
    struct Command {
        let name: String          // "exec", "fs ls"
        let spec: CommandSpec
    }

    let grammar: CommandGrammar

    var commands: [Command] {
        grammar.commands.filter { !$0.hidden }.map { Command(name: $0.name, spec: $0) }
    }

    /// Words that start a command at the top level, with a one-line description.
    var startWords: [(word: String, summary: String)] {
        var result: [(String, String)] = []
        func add(_ word: String, _ summary: String) {
            if !result.contains(where: { $0.0 == word }) { result.append((word, summary)) }
        }
        for spec in grammar.commands where !spec.hidden {
            if spec.words.count == 1 { add(spec.name, spec.summary) }
            for shortcut in spec.shortcuts { add(shortcut, spec.summary) }
        }
        for group in grammar.groups { add(group, "\(group) commands") }
        for shortcut in grammar.shortcuts where !shortcut.name.hasPrefix("-") { add(shortcut.name, shortcut.summary) }
        return result
    }

    /// The subcommands of a group word: (`ls`, summary).
    func subcommands(of group: String) -> [(word: String, summary: String)] {
        grammar.commands.filter { $0.words.count > 1 && $0.words[0] == group && !$0.hidden }
            .map { ($0.words.dropFirst().joined(separator: " "), $0.summary) }
    }

    /// Which command each single word selects (shortcuts resolved); group words excluded.
    var wordToCommand: [(word: String, command: String)] {
        var result: [(String, String)] = []
        for spec in grammar.commands where !spec.hidden {
            if spec.words.count == 1 { result.append((spec.name, spec.name)) }
            for shortcut in spec.shortcuts where !grammar.groups.contains(shortcut) { result.append((shortcut, spec.name)) }
        }
        for shortcut in grammar.shortcuts where !shortcut.name.hasPrefix("-") && !grammar.groups.contains(shortcut.name) {
            // After `a0` or `devs` the shortcut is complete: no arguments to offer.
            result.append((shortcut.name, ""))
        }
        return result
    }

    /// What the first positional of a command completes to.
    static func positionalCompletion(_ spec: CommandSpec) -> ValueCompletion {
        spec.positionals.first?.completion ?? .none
    }

    /// Device words offered after `connect`.
    var deviceWords: [String] {
        ["list", "auto", "sim", "sim:", "id:", "port:"] + grammar.shortcuts.filter { $0.expansion.first == "connect" && $0.name != "devs" }.map(\.name)
    }
}

extension OptionSpec {
    /// Every spelling the shell should offer: `--follow`, `--no-follow`, `-f`.
    var spellings: [String] {
        var names = ["--\(long)"]
        if isNegatable { names.append("--no-\(long)") }
        if let short { names.append("-\(short)") }
        return names
    }
}
