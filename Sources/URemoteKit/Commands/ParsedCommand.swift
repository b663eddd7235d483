/// One command of a command line with its arguments sorted out, ready to run.
public struct ParsedCommand: Sendable {
    public let spec: CommandSpec
    /// Flags given on the command line, by long name (`--no-follow` stored as `follow: false`).
    public private(set) var flags: [String: Bool] = [:]
    /// Option values by long name, in the order given.
    public private(set) var values: [String: [String]] = [:]
    /// Positional words by the positional's name.
    public private(set) var positionals: [String: [String]] = [:]
    /// `--help` was given: show this command's help instead of running it.
    public internal(set) var wantsHelp = false

    public init(spec: CommandSpec) {
        self.spec = spec
    }

    public var name: String { spec.name }

    /// The flag's value: as given, else the spec's default, else false.
    public func flag(_ long: String) -> Bool {
        if let given = flags[long] { return given }
        if let option = spec.options.first(where: { $0.long == long }), case .flag(let value, _) = option.kind {
            return value
        }
        return false
    }

    /// The last value given for an option.
    public func value(_ long: String) -> String? { values[long]?.last }

    /// Every value given for a repeatable option.
    public func allValues(_ long: String) -> [String] { values[long] ?? [] }

    /// The single word of a positional (`.one` or `.optional`).
    public func argument(_ name: String) -> String? { positionals[name]?.first }

    /// Every word of a variadic positional.
    public func arguments(_ name: String) -> [String] { positionals[name] ?? [] }

    mutating func setFlag(_ long: String, _ value: Bool) { flags[long] = value }

    mutating func addValue(_ long: String, _ value: String, repeatable: Bool) {
        if repeatable { values[long, default: []].append(value) } else { values[long] = [value] }
    }

    mutating func addPositional(_ name: String, _ word: String) { positionals[name, default: []].append(word) }
}

/// A command line that cannot be run as typed; the text is one line for `uremote: …`.
public struct CommandLineError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
