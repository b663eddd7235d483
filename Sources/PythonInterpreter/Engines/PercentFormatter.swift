import BigInt

/// How a `%` conversion sees one argument as a number.
public enum PercentNumber {
    case integer(BigInt)
    case float(Double)
    /// Not a number; the type name goes into MicroPython's message (`can't convert str to int`).
    case other(typeName: String)
}

/// The right operand of `%`, as the interpreter classifies it.
public enum PercentArguments<Value> {
    /// A tuple: one element per conversion.
    case tuple([Value])
    /// Any other single value.
    case single(Value)
    /// A dict: `%(key)s` looks keys up; a plain `%s` still consumes the dict itself.
    case mapping(Value, lookup: (String) throws -> Value)
}

/// The interpreter's conversions the formatter needs; errors they throw pass through untouched.
public struct PercentConversions<Value> {
    public var str: (Value) throws -> String
    public var repr: (Value) throws -> String
    public var number: (Value) -> PercentNumber
    /// The text for `%c` when the value is a string (nil when it is not one).
    public var string: (Value) -> String?

    public init(
        str: @escaping (Value) throws -> String, repr: @escaping (Value) throws -> String,
        number: @escaping (Value) -> PercentNumber, string: @escaping (Value) -> String?
    ) {
        self.str = str
        self.repr = repr
        self.number = number
        self.string = string
    }
}

/// printf-style `%` formatting with MicroPython's rules and error messages.
///
/// Generic over the interpreter's value type so it can be built and tested without the object
/// model; the interpreter supplies `str`/`repr` and number views through `PercentConversions`.
public enum PercentFormatter {
    public static func format<Value>(
        _ template: String, _ arguments: PercentArguments<Value>, _ conversions: PercentConversions<Value>
    ) throws -> String {
        let chars = Array(template)
        var output = ""
        var index = 0
        var positional: [Value]
        switch arguments {
        case .tuple(let values): positional = values
        case .single(let value): positional = [value]
        case .mapping(let value, _): positional = [value]
        }
        var nextArgument = 0
        func take() throws -> Value {
            guard nextArgument < positional.count else {
                throw EngineError(.typeError, "format string needs more arguments")
            }
            defer { nextArgument += 1 }
            return positional[nextArgument]
        }
        func takeInt() throws -> Int {
            let value = try take()
            switch conversions.number(value) {
            case .integer(let number): return Int(clamping: number)
            case .float: throw EngineError(.typeError, "can't convert float to int")
            case .other(let name): throw EngineError(.typeError, "can't convert \(name) to int")
            }
        }
        var usedMapping = false
        while index < chars.count {
            let char = chars[index]
            if char != "%" {
                output.append(char)
                index += 1
                continue
            }
            let percentIndex = index
            index += 1
            guard index < chars.count else { throw EngineError(.valueError, "incomplete format") }
            var mappedValue: Value?
            if chars[index] == "(" {
                guard case .mapping(_, let lookup) = arguments else {
                    throw EngineError(.typeError, "format needs a dict")
                }
                var depth = 1
                var key = ""
                index += 1
                while index < chars.count {
                    if chars[index] == "(" { depth += 1 }
                    if chars[index] == ")" {
                        depth -= 1
                        if depth == 0 { break }
                    }
                    key.append(chars[index])
                    index += 1
                }
                guard index < chars.count else { throw EngineError(.valueError, "incomplete format key") }
                index += 1
                mappedValue = try lookup(key)
                usedMapping = true
            }
            var leftAlign = false, plus = false, space = false, alternate = false, zero = false
            flags: while index < chars.count {
                switch chars[index] {
                case "-": leftAlign = true
                case "+": plus = true
                case " ": space = true
                case "#": alternate = true
                case "0": zero = true
                default: break flags
                }
                index += 1
            }
            var width: Int?
            if index < chars.count, chars[index] == "*" {
                // MicroPython ignores a negative `*` width.
                width = max(0, try takeInt())
                index += 1
            } else {
                width = number(chars, &index)
            }
            var precision: Int?
            if index < chars.count, chars[index] == "." {
                index += 1
                if index < chars.count, chars[index] == "*" {
                    precision = max(0, try takeInt())
                    index += 1
                } else {
                    precision = number(chars, &index) ?? 0
                }
            }
            guard index < chars.count else { throw EngineError(.valueError, "incomplete format") }
            if let width, width > FormatSpecification.maximumWidth { throw FormatSpecification.tooWide }
            let conversion = chars[index]
            let conversionIndex = index
            index += 1
            if conversion == "%" && conversionIndex == percentIndex + 1 {
                output.append("%")
                continue
            }
            let value = try mappedValue ?? take()
            var sign = ""
            var prefix = ""
            var body: String
            var numeric = false
            switch conversion {
            case "s":
                body = try conversions.str(value)
                if let precision { body = String(body.prefix(precision)) }
            case "r":
                body = try conversions.repr(value)
                if let precision { body = String(body.prefix(precision)) }
            case "c":
                if let text = conversions.string(value) {
                    guard text.utf8.count == 1 else { throw EngineError(.typeError, "%c needs int or char") }
                    body = text
                } else if case .integer(let code) = conversions.number(value) {
                    body = FormatSpecification.characterCode(code)
                } else {
                    throw EngineError(.typeError, "integer needed")
                }
            case "d", "i", "u", "x", "X", "o":
                numeric = true
                let integer: BigInt
                switch conversions.number(value) {
                case .integer(let number): integer = number
                case .float(let number):
                    guard "diu".contains(conversion) else { throw EngineError(.typeError, "can't convert float to int") }
                    integer = try truncate(number)
                case .other(let name): throw EngineError(.typeError, "can't convert \(name) to int")
                }
                let radix = conversion == "o" ? 8 : (conversion == "x" || conversion == "X" ? 16 : 10)
                body = String(integer.magnitude, radix: radix, uppercase: conversion == "X")
                if let precision, body.count < precision {
                    body = String(repeating: "0", count: precision - body.count) + body
                }
                if alternate {
                    switch conversion {
                    case "o": prefix = "0o"
                    case "x": prefix = "0x"
                    case "X": prefix = "0X"
                    default: break
                    }
                }
                sign = integer.sign == .minus && !integer.isZero ? "-" : (plus ? "+" : (space ? " " : ""))
            case "e", "E", "f", "F", "g", "G":
                numeric = true
                let double: Double
                switch conversions.number(value) {
                case .integer(let number): double = Double(number)
                case .float(let number): double = number
                case .other(let name): throw EngineError(.typeError, "can't convert \(name) to float")
                }
                body = FloatFormatter.format(double, style: conversion, precision: precision, sign: plus ? "+" : (space ? " " : nil))
                if let first = body.first, first == "-" || first == "+" || first == " " {
                    sign = String(first)
                    body.removeFirst()
                }
            default:
                // MicroPython works on UTF-8 bytes: it names the first byte of the character and
                // counts the index in bytes (a lone non-ASCII byte prints as U+FFFD here).
                let byte = String(conversion).utf8.first ?? 0
                let shown = byte < 0x80 ? String(conversion) : "\u{FFFD}"
                let byteIndex = String(chars[0..<conversionIndex]).utf8.count
                throw EngineError(
                    .valueError,
                    "unsupported format character '\(shown)' (0x\(String(byte, radix: 16))) at index \(byteIndex)")
            }
            let length = sign.count + prefix.count + body.count
            if let width, width > length {
                let padding = width - length
                if leftAlign {
                    // MicroPython pads with zeros on the right when both `-` and `0` are given,
                    // except for an integer with a precision, which it pads with spaces.
                    let integerWithPrecision = precision != nil && "diuxXo".contains(conversion)
                    let fill = zero && numeric && !integerWithPrecision ? "0" : " "
                    output += sign + prefix + body + String(repeating: fill, count: padding)
                } else if zero && numeric {
                    output += sign + prefix + String(repeating: "0", count: padding) + body
                } else {
                    output += String(repeating: " ", count: padding) + sign + prefix + body
                }
            } else {
                output += sign + prefix + body
            }
        }
        if !usedMapping, nextArgument < positional.count, !isMapping(arguments) {
            throw EngineError(.typeError, "format string didn't convert all arguments")
        }
        return output
    }

    private static func isMapping<Value>(_ arguments: PercentArguments<Value>) -> Bool {
        if case .mapping = arguments { return true }
        return false
    }

    /// `%d` of a float truncates toward zero, like `int()`.
    static func truncate(_ value: Double) throws(EngineError) -> BigInt {
        if value.isNaN { throw EngineError(.valueError, "cannot convert float NaN to integer") }
        if value.isInfinite { throw EngineError(.overflowError, "cannot convert float infinity to integer") }
        return BigInt(value.rounded(.towardZero))
    }

    private static func number(_ chars: [Character], _ index: inout Int) -> Int? {
        var value: Int?
        while index < chars.count, chars[index].isASCII, let digit = chars[index].wholeNumberValue {
            value = min((value ?? 0) * 10 + digit, 1 << 30)
            index += 1
        }
        return value
    }
}
