import Foundation

/// A user-defined word that stands for a command line, with parameters, as mpremote's
/// `config.py` `commands` offers: `"flash name port=a0": "connect {port} ..."` style keys declare
/// parameters (with optional defaults) after the name.
///
/// Parameters work as in mpremote: their values are assigned as Python variables on the board
/// (an `exec "name=value;..."` runs before the expansion), so a board script can use them. Values
/// may be given by position or as `name=value`. In addition, `{name}` in the expansion is replaced
/// by the value, so parameters can also fill in host-side words such as a device or a path; when
/// every parameter is used that way, nothing is sent to the board for them.
public struct CommandAlias: Sendable, Equatable {
    public struct Parameter: Sendable, Equatable {
        public var name: String
        public var defaultValue: String?
    }

    public var name: String
    public var parameters: [Parameter]
    public var expansion: [String]
    public var help: String
    /// Where it was defined, for messages.
    public var source: String

    /// Builds an alias from a key (`"name p1 p2=default"`) and a value (a string split on
    /// whitespace, a list of words, or a table with `command` and optional `help`). `quoting`
    /// lets quotes group words in a string; mpremote's own aliases are split on whitespace only.
    public init(key: String, value: ConfigValue, source: String, quoting: Bool = true) throws(ConfigError) {
        let words = key.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let name = words.first else { throw ConfigError(file: source, line: 0, message: "an alias has an empty name") }
        self.name = name
        self.source = source
        parameters = words.dropFirst().map { word in
            let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
            return Parameter(name: parts[0], defaultValue: parts.count > 1 ? parts[1] : nil)
        }
        var command = value
        help = ""
        if case .table = value {
            help = value["help"]?.string ?? ""
            guard let inner = value["command"] else {
                throw ConfigError(file: source, line: 0, message: "alias '\(name)' has no 'command'")
            }
            command = inner
        }
        switch command {
        case .string(let text):
            expansion = quoting ? ShellWords.split(text) : text.split(whereSeparator: \.isWhitespace).map(String.init)
        case .array(let items):
            expansion = []
            for item in items {
                guard let word = item.string else { throw ConfigError(file: source, line: 0, message: "alias '\(name)': command words must be strings") }
                expansion.append(word)
            }
        default:
            throw ConfigError(file: source, line: 0, message: "alias '\(name)': command must be a string or a list of words")
        }
    }

    /// Consumes this alias's arguments from `words` (after the name) and returns the words that
    /// replace them.
    func expand(_ words: inout ArraySlice<String>) throws(CommandLineError) -> [String] {
        var assignments: [(String, String)] = []
        for parameter in parameters {
            let value: String
            if let next = words.first, next != "+", !next.contains("=") {
                value = next
                words.removeFirst()
            } else if let next = words.first, next.hasPrefix(parameter.name + "=") {
                value = String(next.dropFirst(parameter.name.count + 1))
                words.removeFirst()
            } else if let fallback = parameter.defaultValue {
                value = fallback
            } else {
                throw CommandLineError("\(name): missing argument \(parameter.name) (usage: \(usage))")
            }
            assignments.append((parameter.name, value))
        }
        if !parameters.isEmpty, let next = words.first, let equals = next.firstIndex(of: "="),
           !next.hasPrefix("-") && !parameters.contains(where: { next.hasPrefix($0.name + "=") }) {
            throw CommandLineError("\(name): unexpected argument \(next[..<equals]) (usage: \(usage))")
        }
        let substituted = expansion.map { word in
            assignments.reduce(word) { $0.replacingOccurrences(of: "{\($1.0)}", with: $1.1) }
        }
        // Parameters all used as `{name}` are host-side words; sending them to the board as
        // variables would connect to a board before the alias's own `connect`.
        let hostSide = parameters.allSatisfy { p in expansion.contains { $0.contains("{\(p.name)}") } }
        if assignments.isEmpty || hostSide { return substituted }
        return ["exec", assignments.map { "\($0.0)=\($0.1)" }.joined(separator: ";"), "+"] + substituted
    }

    public var usage: String {
        ([name] + parameters.map { p in p.defaultValue.map { "\(p.name)=\($0)" } ?? p.name }).joined(separator: " ")
    }
}

/// Splits an alias's command text into words: whitespace separates, single and double quotes
/// group (so `exec "print(1 + 2)"` stays one code word, which mpremote's plain split would break).
enum ShellWords {
    static func split(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        for c in text {
            if let q = quote {
                if c == q { quote = nil } else { current.append(c) }
            } else if c == "\"" || c == "'" {
                quote = c
                inWord = true
            } else if c.isWhitespace {
                if inWord { words.append(current); current = ""; inWord = false }
            } else {
                current.append(c)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }
}
