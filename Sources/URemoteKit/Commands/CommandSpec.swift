/// One command of uremote's command language, described as data.
///
/// The command table is the single source of truth: the parser, `uremote help`, the shell
/// completions and the man page are all derived from these values, so a command added with one
/// entry is parsed, documented and completed everywhere at once.
public struct CommandSpec: Sendable {
    /// The words that name the command: `["exec"]`, or `["fs", "ls"]` for a command in a group.
    public var words: [String]
    /// Single words that also run this command, as mpremote's `ls` runs `fs ls`.
    public var shortcuts: [String]
    /// One line for `help` listings and completion descriptions.
    public var summary: String
    /// A paragraph or two for `help COMMAND` and the man page.
    public var details: String
    public var options: [OptionSpec]
    public var positionals: [PositionalSpec]
    /// Left out of help, completions and the man page (kept parseable).
    public var hidden: Bool

    public init(
        _ words: [String], shortcuts: [String] = [], summary: String, details: String = "",
        options: [OptionSpec] = [], positionals: [PositionalSpec] = [], hidden: Bool = false
    ) {
        self.words = words
        self.shortcuts = shortcuts
        self.summary = summary
        self.details = details
        self.options = options
        self.positionals = positionals
        self.hidden = hidden
    }

    /// The command's name as typed: `exec`, `fs ls`.
    public var name: String { words.joined(separator: " ") }

    /// `exec [--follow|--no-follow] CODE`, for usage lines and the man page.
    public var usage: String {
        var parts = [name]
        for option in options { parts.append("[\(option.usage)]") }
        for positional in positionals { parts.append(positional.usage) }
        return parts.joined(separator: " ")
    }

    func option(long: String) -> OptionSpec? {
        options.first { $0.long == long || ($0.isNegatable && "no-" + $0.long == long) }
    }

    func option(short: Character) -> OptionSpec? {
        options.first { $0.short == short }
    }
}

/// A `--name` option of one command.
public struct OptionSpec: Sendable {
    public enum Kind: Sendable, Equatable {
        /// `--follow`; with `negatable`, `--no-follow` sets it false.
        case flag(defaultValue: Bool, negatable: Bool)
        /// `--capture FILE` or `--capture=FILE`; `repeatable` keeps every occurrence.
        case value(placeholder: String, completion: ValueCompletion, repeatable: Bool)
    }

    public var long: String
    public var short: Character?
    public var kind: Kind
    public var summary: String

    public init(_ long: String, short: Character? = nil, kind: Kind, summary: String) {
        self.long = long
        self.short = short
        self.kind = kind
        self.summary = summary
    }

    /// A boolean option, off unless given.
    public static func flag(_ long: String, short: Character? = nil, summary: String) -> OptionSpec {
        OptionSpec(long, short: short, kind: .flag(defaultValue: false, negatable: false), summary: summary)
    }

    /// A boolean option with a `--no-` form, as mpremote's `--follow/--no-follow`.
    public static func toggle(_ long: String, short: Character? = nil, default value: Bool, summary: String) -> OptionSpec {
        OptionSpec(long, short: short, kind: .flag(defaultValue: value, negatable: true), summary: summary)
    }

    /// An option that takes a value.
    public static func value(
        _ long: String, short: Character? = nil, placeholder: String, completion: ValueCompletion = .none,
        repeatable: Bool = false, summary: String
    ) -> OptionSpec {
        OptionSpec(long, short: short, kind: .value(placeholder: placeholder, completion: completion, repeatable: repeatable),
                   summary: summary)
    }

    public var takesValue: Bool {
        if case .value = kind { return true }
        return false
    }

    public var isNegatable: Bool {
        if case .flag(_, true) = kind { return true }
        return false
    }

    /// `--follow|--no-follow`, `-e|--escape-non-printable`, `--capture FILE`.
    public var usage: String {
        var names: [String] = []
        if let short { names.append("-\(short)") }
        names.append("--\(long)")
        if isNegatable { names.append("--no-\(long)") }
        var text = names.joined(separator: "|")
        if case .value(let placeholder, _, _) = kind { text += " \(placeholder)" }
        return text
    }
}

/// A positional argument and how many words it takes.
public struct PositionalSpec: Sendable {
    public enum Arity: Sendable, Equatable {
        /// Exactly one word.
        case one
        /// One word if any is left before the next `+`.
        case optional
        /// Every word up to the next `+` or the end, at least one (mpremote's `fs cp`).
        case oneOrMore
        /// Every word up to the next `+` or the end, possibly none.
        case zeroOrMore
    }

    public var name: String
    public var arity: Arity
    public var completion: ValueCompletion
    public var summary: String

    public init(_ name: String, arity: Arity = .one, completion: ValueCompletion = .none, summary: String) {
        self.name = name
        self.arity = arity
        self.completion = completion
        self.summary = summary
    }

    /// `CODE`, `[PATH]`, `PATH...`.
    public var usage: String {
        switch arity {
        case .one: return name
        case .optional: return "[\(name)]"
        case .oneOrMore: return "\(name)..."
        case .zeroOrMore: return "[\(name)...]"
        }
    }
}

/// What a shell should offer for a value.
public enum ValueCompletion: Sendable, Equatable {
    case none
    /// A file or folder on the computer.
    case localPath
    /// A path on the board (`:` prefix) or on the computer.
    case anyPath
    /// A device name: `list`, `auto`, `sim`, `a0`, `/dev/ttyACM0`…
    case device
    /// One of a fixed set of words.
    case choice([String])
}

/// A word that stands for other words, as mpremote's `a0` stands for `connect /dev/ttyACM0`.
public struct ShortcutSpec: Sendable {
    public var name: String
    public var expansion: [String]
    public var summary: String

    public init(_ name: String, expandsTo expansion: [String], summary: String) {
        self.name = name
        self.expansion = expansion
        self.summary = summary
    }
}
