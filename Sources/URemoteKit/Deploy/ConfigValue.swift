/// A value from a configuration file, whichever syntax it came from (TOML or the literals of
/// mpremote's `config.py`): both reduce to these shapes.
public indirect enum ConfigValue: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case boolean(Bool)
    case array([ConfigValue])
    case table([(key: String, value: ConfigValue)])

    public static func == (a: ConfigValue, b: ConfigValue) -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)): return x == y
        case (.integer(let x), .integer(let y)): return x == y
        case (.boolean(let x), .boolean(let y)): return x == y
        case (.array(let x), .array(let y)): return x == y
        case (.table(let x), .table(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    public var string: String? { if case .string(let s) = self { return s } else { return nil } }

    /// Entries of a table, in file order.
    public var entries: [(key: String, value: ConfigValue)] {
        if case .table(let t) = self { return t } else { return [] }
    }

    public subscript(key: String) -> ConfigValue? {
        entries.last { $0.key == key }?.value
    }
}

/// A configuration file that could not be read, with where and why, so the user can fix it.
public struct ConfigError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var line: Int
    public var message: String

    public var description: String { "\(file):\(line): \(message)" }
}
