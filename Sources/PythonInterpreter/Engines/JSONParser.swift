import BigInt

/// `json.loads` with MicroPython's leniency and messages.
///
/// MicroPython treats `,` and `:` inside containers as mere separators (`[1 2]`, `[1,]` and
/// `{"a" 1}` all parse), drops an object key that has no value, and reports everything else
/// as `ValueError: syntax error in JSON`, except malformed numbers, which fail with the
/// int/float parser's own message.
public struct JSONParser {
    public static let syntaxError = EngineError(.valueError, "syntax error in JSON")

    private let bytes: [UInt8]
    private var index = 0

    public static func parse(_ text: String) throws(EngineError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    public static func parse(_ bytes: [UInt8]) throws(EngineError) -> JSONValue {
        var parser = JSONParser(bytes: bytes)
        parser.skipWhitespace()
        let value = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        guard parser.index == bytes.count else { throw syntaxError }
        return value
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private mutating func skipWhitespace() {
        while index < bytes.count, bytes[index] == 32 || bytes[index] == 9 || bytes[index] == 10 || bytes[index] == 13 {
            index += 1
        }
    }

    /// Whitespace plus the separators MicroPython ignores inside containers.
    private mutating func skipSeparators() {
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 32 || byte == 9 || byte == 10 || byte == 13 || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ":") {
                index += 1
            } else {
                return
            }
        }
    }

    private mutating func parseValue(depth: Int) throws(EngineError) -> JSONValue {
        guard index < bytes.count, depth < 1000 else { throw Self.syntaxError }
        let byte = bytes[index]
        switch byte {
        case UInt8(ascii: "["):
            index += 1
            var items: [JSONValue] = []
            while true {
                skipSeparators()
                guard index < bytes.count else { throw Self.syntaxError }
                if bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    return .array(items)
                }
                items.append(try parseValue(depth: depth + 1))
            }
        case UInt8(ascii: "{"):
            index += 1
            var members: [JSONMember] = []
            var pendingKey: JSONValue?
            while true {
                skipSeparators()
                guard index < bytes.count else { throw Self.syntaxError }
                if bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    return .object(members)
                }
                if let key = pendingKey {
                    members.append(JSONMember(key: key, value: try parseValue(depth: depth + 1)))
                    pendingKey = nil
                } else {
                    if bytes[index] == UInt8(ascii: "[") || bytes[index] == UInt8(ascii: "{") { throw Self.syntaxError }
                    pendingKey = try parseValue(depth: depth + 1)
                }
            }
        case UInt8(ascii: "\""):
            return .string(try parseString())
        case UInt8(ascii: "t"):
            try expect("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expect("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expect("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try parseNumber()
        default:
            throw Self.syntaxError
        }
    }

    private mutating func expect(_ word: String) throws(EngineError) {
        let expected = Array(word.utf8)
        guard index + expected.count <= bytes.count, Array(bytes[index..<(index + expected.count)]) == expected else {
            throw Self.syntaxError
        }
        index += expected.count
        // A letter right after the word (`nulll`, `truex`) is not a separator.
        if index < bytes.count, (bytes[index] | 0x20) >= UInt8(ascii: "a"), (bytes[index] | 0x20) <= UInt8(ascii: "z") {
            throw Self.syntaxError
        }
    }

    private mutating func parseNumber() throws(EngineError) -> JSONValue {
        var negative = false
        if bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        let start = index
        var isFloat = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 48 && byte <= 57 || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") {
                index += 1
            } else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                isFloat = true
                index += 1
            } else {
                break
            }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if isFloat {
            guard Self.isFloatLiteral(text), let value = Double(text) else {
                throw EngineError(.valueError, "invalid syntax for number")
            }
            return .float(negative ? -value : value)
        }
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let value = BigInt(text) else {
            throw EngineError(.valueError, "invalid syntax for integer with base 10: '\(text)'")
        }
        return .integer(negative ? -value : value)
    }

    /// digits [. digits*] [(e|E) [+|-] digits]
    static func isFloatLiteral(_ text: String) -> Bool {
        let chars = Array(text.utf8)
        var index = 0
        func digits() -> Int {
            let start = index
            while index < chars.count, chars[index] >= 48, chars[index] <= 57 { index += 1 }
            return index - start
        }
        let integerDigits = digits()
        var fractionDigits = 0
        if index < chars.count, chars[index] == UInt8(ascii: ".") {
            index += 1
            fractionDigits = digits()
        }
        if integerDigits + fractionDigits == 0 { return false }
        if index < chars.count, chars[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < chars.count, chars[index] == UInt8(ascii: "+") || chars[index] == UInt8(ascii: "-") { index += 1 }
            if digits() == 0 { return false }
        }
        return index == chars.count
    }

    private mutating func parseString() throws(EngineError) -> String {
        index += 1
        var scalars = String.UnicodeScalarView()
        var raw: [UInt8] = []
        func flushRaw() {
            if !raw.isEmpty {
                scalars.append(contentsOf: String(decoding: raw, as: UTF8.self).unicodeScalars)
                raw.removeAll()
            }
        }
        var pendingHighSurrogate: UInt32?
        while true {
            guard index < bytes.count else { throw Self.syntaxError }
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "\"") { break }
            if byte != UInt8(ascii: "\\") {
                if let high = pendingHighSurrogate {
                    flushRaw()
                    scalars.append(Self.replacement(high))
                    pendingHighSurrogate = nil
                }
                raw.append(byte)
                continue
            }
            guard index < bytes.count else { throw Self.syntaxError }
            let escape = bytes[index]
            index += 1
            var scalar: UInt32
            switch escape {
            case UInt8(ascii: "b"): scalar = 8
            case UInt8(ascii: "f"): scalar = 12
            case UInt8(ascii: "n"): scalar = 10
            case UInt8(ascii: "r"): scalar = 13
            case UInt8(ascii: "t"): scalar = 9
            case UInt8(ascii: "u"):
                guard index + 4 <= bytes.count, let code = UInt32(String(decoding: bytes[index..<(index + 4)], as: UTF8.self), radix: 16) else {
                    throw Self.syntaxError
                }
                index += 4
                scalar = code
            default: scalar = UInt32(escape)
            }
            flushRaw()
            if let high = pendingHighSurrogate {
                pendingHighSurrogate = nil
                if scalar >= 0xDC00 && scalar <= 0xDFFF {
                    scalars.append(Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (scalar - 0xDC00))!)
                    continue
                }
                scalars.append(Self.replacement(high))
            }
            if scalar >= 0xD800 && scalar <= 0xDBFF {
                pendingHighSurrogate = scalar
            } else {
                scalars.append(Unicode.Scalar(scalar) ?? Self.replacement(scalar))
            }
        }
        if let high = pendingHighSurrogate { scalars.append(Self.replacement(high)) }
        flushRaw()
        return String(scalars)
    }

    /// Swift strings cannot hold lone surrogates; they become U+FFFD.
    private static func replacement(_: UInt32) -> Unicode.Scalar { "\u{FFFD}" }
}
