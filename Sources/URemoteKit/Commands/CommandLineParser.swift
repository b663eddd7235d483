/// Walks the words of a command line once, left to right; see `CommandGrammar` for the rules.
struct CommandLineParser {
    let grammar: CommandGrammar
    let aliases: CommandGrammar.AliasExpander?
    var words: [String]
    var index = 0
    /// Guards against shortcuts and aliases that expand into themselves.
    var expansions = 0

    init(grammar: CommandGrammar, words: [String], aliases: CommandGrammar.AliasExpander? = nil) {
        self.grammar = grammar
        self.words = words
        self.aliases = aliases
    }

    mutating func parseAll() throws(CommandLineError) -> [ParsedCommand] {
        var commands: [ParsedCommand] = []
        while index < words.count {
            if words[index] == "+" {
                index += 1
                continue
            }
            if try expandAlias() { continue }
            let spec = try resolveCommand()
            commands.append(try parseArguments(of: spec))
        }
        return commands
    }

    /// Replaces a user alias at `index` with its expansion (which may be empty or start with
    /// another alias, hence the caller loops). False when the word is not an alias.
    private mutating func expandAlias() throws(CommandLineError) -> Bool {
        let word = words[index]
        guard let aliases, !grammar.isCommandWord(word) else { return false }
        var following = words[(index + 1)...]
        guard let replacement = try aliases(word, &following) else { return false }
        expansions += 1
        if expansions > 100 { throw CommandLineError("alias '\(word)' expands into itself endlessly") }
        words = Array(words[..<index]) + replacement + Array(following)
        return true
    }

    /// Identifies the command starting at `index`, expanding shortcuts in place, and moves past its name.
    private mutating func resolveCommand() throws(CommandLineError) -> CommandSpec {
        while let shortcut = grammar.shortcut(named: words[index]), !isGroupCommandAhead() {
            expansions += 1
            if expansions > 100 { throw CommandLineError("shortcut '\(shortcut.name)' expands into itself") }
            words.replaceSubrange(index...index, with: shortcut.expansion)
        }
        let word = words[index]
        if grammar.groups.contains(word), let spec = groupCommandAhead() {
            // Options between the group word and its subcommand (`fs -r cp`) belong to the subcommand.
            let subIndex = subcommandIndex(after: index)!
            let between = Array(words[(index + 1)..<subIndex])
            words.removeSubrange(index...subIndex)
            words.insert(contentsOf: between, at: index)
            return spec
        }
        if let spec = grammar.command(named: word), spec.words.count == 1 || spec.shortcuts.contains(word) {
            index += 1
            return spec
        }
        if grammar.groups.contains(word) {
            let subcommands = grammar.commands.filter { $0.words.first == word && !$0.hidden }.map { $0.words.dropFirst().joined(separator: " ") }
            let given = subcommandIndex(after: index).map { words[$0] }
            let what = given.map { "'\(word) \($0)' is not a command" } ?? "'\(word)' needs a subcommand"
            throw CommandLineError("\(what) (one of: \(subcommands.joined(separator: ", ")))")
        }
        if word.hasPrefix("-") {
            throw CommandLineError("'\(word)' is not a command or an option here (see 'uremote help')")
        }
        throw CommandLineError("'\(word)' is not a command (see 'uremote help')")
    }

    /// The first word after `start` that is not an option, if it comes before the next `+`.
    private func subcommandIndex(after start: Int) -> Int? {
        var i = start + 1
        while i < words.count, words[i] != "+" {
            if !looksLikeOption(words[i]) { return i }
            i += 1
        }
        return nil
    }

    private func groupCommandAhead() -> CommandSpec? {
        guard let sub = subcommandIndex(after: index) else { return nil }
        let name = words[index] + " " + words[sub]
        return grammar.commands.first { $0.name == name }
    }

    private func isGroupCommandAhead() -> Bool {
        grammar.groups.contains(words[index]) && groupCommandAhead() != nil
    }

    private func looksLikeOption(_ word: String) -> Bool {
        guard word.hasPrefix("-"), word.count > 1 else { return false }
        let second = word[word.index(after: word.startIndex)]
        return second == "-" || second.isLetter
    }

    /// Consumes the options and positionals of `spec`, stopping where the next command begins.
    private mutating func parseArguments(of spec: CommandSpec) throws(CommandLineError) -> ParsedCommand {
        var parsed = ParsedCommand(spec: spec)
        var slot = 0
        var filledInSlot = 0

        func slotIsFull(_ positional: PositionalSpec, _ count: Int) -> Bool {
            switch positional.arity {
            case .one, .optional: return count >= 1
            case .oneOrMore, .zeroOrMore: return false
            }
        }

        while index < words.count {
            let word = words[index]
            if word == "+" { break }
            // Skip positionals that are already full.
            while slot < spec.positionals.count, slotIsFull(spec.positionals[slot], filledInSlot) {
                slot += 1
                filledInSlot = 0
            }
            let positionalsDone = slot >= spec.positionals.count
            if word == "--help" || (word == "-h" && spec.option(short: "h") == nil) {
                parsed.wantsHelp = true
                index += 1
                continue
            }
            if looksLikeOption(word) {
                if positionalsDone && !knowsOption(word, spec) { break }
                try parseOption(word, of: spec, into: &parsed)
                continue
            }
            if positionalsDone { break }
            parsed.addPositional(spec.positionals[slot].name, word)
            filledInSlot += 1
            index += 1
        }
        if parsed.wantsHelp { return parsed }
        for positional in spec.positionals where parsed.arguments(positional.name).isEmpty {
            if positional.arity == .one || positional.arity == .oneOrMore {
                throw CommandLineError("\(spec.name): missing \(positional.name) (usage: \(spec.usage))")
            }
        }
        return parsed
    }

    private func knowsOption(_ word: String, _ spec: CommandSpec) -> Bool {
        if word.hasPrefix("--") {
            let name = String(word.dropFirst(2).split(separator: "=", maxSplits: 1).first ?? "")
            return spec.option(long: name) != nil
        }
        return word.dropFirst().allSatisfy { spec.option(short: $0) != nil }
    }

    private mutating func parseOption(_ word: String, of spec: CommandSpec, into parsed: inout ParsedCommand) throws(CommandLineError) {
        index += 1
        if word.hasPrefix("--") {
            let body = word.dropFirst(2)
            let parts = body.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0])
            let inline = parts.count > 1 ? String(parts[1]) : nil
            guard let option = spec.option(long: name) else {
                throw CommandLineError("\(spec.name): unknown option '--\(name)' (usage: \(spec.usage))")
            }
            try apply(option, negated: name != option.long, inline: inline, spellings: "--\(name)", spec: spec, into: &parsed)
            return
        }
        // Short options, possibly bundled (`-rf`); a value option takes the rest of the word or the next word.
        var rest = Substring(word.dropFirst())
        while let letter = rest.first {
            rest = rest.dropFirst()
            guard let option = spec.option(short: letter) else {
                throw CommandLineError("\(spec.name): unknown option '-\(letter)' (usage: \(spec.usage))")
            }
            if option.takesValue {
                try apply(option, negated: false, inline: rest.isEmpty ? nil : String(rest), spellings: "-\(letter)", spec: spec, into: &parsed)
                return
            }
            try apply(option, negated: false, inline: nil, spellings: "-\(letter)", spec: spec, into: &parsed)
        }
    }

    private mutating func apply(
        _ option: OptionSpec, negated: Bool, inline: String?, spellings: String, spec: CommandSpec,
        into parsed: inout ParsedCommand
    ) throws(CommandLineError) {
        switch option.kind {
        case .flag:
            if inline != nil { throw CommandLineError("\(spec.name): option '\(spellings)' takes no value") }
            parsed.setFlag(option.long, !negated)
        case .value(let placeholder, _, let repeatable):
            var value = inline
            if value == nil, index < words.count, words[index] != "+" {
                value = words[index]
                index += 1
            }
            guard let value else {
                throw CommandLineError("\(spec.name): option '\(spellings)' needs a value (\(placeholder))")
            }
            parsed.addValue(option.long, value, repeatable: repeatable)
        }
    }
}
