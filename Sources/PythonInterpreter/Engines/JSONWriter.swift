/// The text rules of MicroPython's `json.dumps`: separators, string escaping, numbers.
///
/// The interpreter walks its own objects and uses these pieces, or converts to `JSONValue`
/// and calls `write`. MicroPython writes non-string keys as their JSON text in quotes
/// (`{1: 2}` → `{"1": 2}`) and floats as `repr` does, including `inf` and `nan`.
public struct JSONWriter: Sendable {
    public var itemSeparator: String
    public var keySeparator: String

    public init(itemSeparator: String = ", ", keySeparator: String = ": ") {
        self.itemSeparator = itemSeparator
        self.keySeparator = keySeparator
    }

    /// A JSON string literal: `"` and `\` escaped, `\b \f \n \r \t` by name, other control
    /// characters as `\u00XX`; everything else (including non-ASCII) written as is.
    public static func quote(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\u{8}": output += "\\b"
            case "\u{C}": output += "\\f"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
        return output
    }

    public func write(_ value: JSONValue) -> String {
        var output = ""
        write(value, into: &output)
        return output
    }

    private func write(_ value: JSONValue, into output: inout String) {
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .integer(let number): output += number.description
        case .float(let number): output += FloatFormatter.repr(number)
        case .string(let text): output += Self.quote(text)
        case .array(let items):
            output += "["
            for (offset, item) in items.enumerated() {
                if offset > 0 { output += itemSeparator }
                write(item, into: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (offset, member) in members.enumerated() {
                if offset > 0 { output += itemSeparator }
                if case .string(let key) = member.key {
                    output += Self.quote(key)
                } else {
                    output += "\"" + write(member.key) + "\""
                }
                output += keySeparator
                write(member.value, into: &output)
            }
            output += "}"
        }
    }
}
