import BigInt

/// A parsed `[[fill]align][sign][#][0][width][,|_][.precision][type]` specification, with the
/// rendering rules MicroPython applies to strings, integers and floats.
///
/// MicroPython's parser is stricter than CPython's about fills (`'{:<<}'` is invalid: a leading
/// align character is always the alignment) and looser elsewhere (it ignores a precision on
/// integers, and uses `g` for floats whenever a non-empty spec gives no type).
public struct FormatSpecification: Equatable, Sendable {
    public var fill: Character?
    public var align: Character?
    public var sign: Character?
    public var alternate = false
    public var zeroPad = false
    public var width: Int?
    public var grouping: Character?
    public var precision: Int?
    public var type: Character?

    public init() {}

    static let invalid = EngineError(.valueError, "invalid format specifier")
    /// Padding beyond this would exhaust a board's heap; MicroPython fails the allocation.
    static let maximumWidth = 1 << 22
    static let tooWide = EngineError(.memoryError, "memory allocation failed")

    /// Parses a spec whose nested `{}` fields have already been substituted.
    public init(parsing text: String) throws(EngineError) {
        // MicroPython reads the spec as a C string: a NUL ends it.
        let chars = Array(text.prefix { $0 != "\0" })
        var index = 0
        func isAlign(_ c: Character) -> Bool { c == "<" || c == ">" || c == "=" || c == "^" }
        if index < chars.count, isAlign(chars[index]) {
            align = chars[index]
            index += 1
        } else if chars.count >= 2, isAlign(chars[1]) {
            fill = chars[0]
            align = chars[1]
            index = 2
        }
        if index < chars.count, chars[index] == "+" || chars[index] == "-" || chars[index] == " " {
            sign = chars[index]
            index += 1
        }
        if index < chars.count, chars[index] == "#" {
            alternate = true
            index += 1
        }
        if index < chars.count, chars[index] == "0" {
            zeroPad = true
            index += 1
        }
        width = Self.number(chars, &index)
        if let width, width > Self.maximumWidth { throw Self.tooWide }
        if index < chars.count, chars[index] == "," || chars[index] == "_" {
            grouping = chars[index]
            index += 1
        }
        if index < chars.count, chars[index] == "." {
            index += 1
            precision = Self.number(chars, &index) ?? 0
        }
        if index < chars.count {
            type = chars[index]
            index += 1
        }
        if index != chars.count { throw Self.invalid }
        if let type, !"bcdeEfFgGnosxX%".contains(type) { throw Self.invalid }
    }

    private static func number(_ chars: [Character], _ index: inout Int) -> Int? {
        var value: Int?
        while index < chars.count, let digit = chars[index].wholeNumberValue, chars[index].isASCII {
            value = min((value ?? 0) * 10 + digit, 1 << 30)
            index += 1
        }
        return value
    }

    // MARK: - Strings

    public func format(string: String) throws(EngineError) -> String {
        if let type, type != "s" {
            throw EngineError(.valueError, "unknown format code '\(type)' for object of type 'str'")
        }
        if sign != nil && type == "s" {
            throw EngineError(.valueError, "sign not allowed in string format specifier")
        }
        if align == "=" { throw EngineError(.valueError, "'=' alignment not allowed in string format specifier") }
        var body = string
        if let precision, body.count > precision { body = String(body.prefix(precision)) }
        return pad(body, prefix: "", defaultAlign: "<")
    }

    // MARK: - Integers

    /// Formats an integer; float presentation types (`e f g %`...) convert it to a float.
    public func format(integer value: BigInt) throws(EngineError) -> String {
        let type = self.type ?? "d"
        switch type {
        case "e", "E", "f", "F", "g", "G", "%":
            return try format(float: Double(value))
        case "s":
            if sign == "+" || sign == " " { throw EngineError(.valueError, "sign not allowed in string format specifier") }
            throw EngineError(.valueError, "unknown format code 's' for object of type 'int'")
        case "c":
            if sign == "+" || sign == " " { throw EngineError(.valueError, "sign not allowed with integer format specifier 'c'") }
            return pad(Self.characterCode(value), prefix: "", defaultAlign: ">")
        default:
            break
        }
        let radix: Int
        var prefix = ""
        switch type {
        case "b": radix = 2; prefix = alternate ? "0b" : ""
        case "o": radix = 8; prefix = alternate ? "0o" : ""
        case "x": radix = 16; prefix = alternate ? "0x" : ""
        case "X": radix = 16; prefix = alternate ? "0X" : ""
        default: radix = 10
        }
        var digits = String(value.magnitude, radix: radix, uppercase: type == "X")
        let signText = value.sign == .minus && !value.isZero ? "-" : (sign == "+" ? "+" : (sign == " " ? " " : ""))
        prefix = signText + prefix
        // MicroPython groups decimal digits by three and other bases by four; `n` is ungrouped.
        if let grouping, "dbxXo".contains(type) {
            digits = grouped(digits, separator: grouping, size: radix == 10 ? 3 : 4, prefixLength: prefix.count)
        }
        return pad(digits, prefix: prefix, defaultAlign: ">")
    }

    /// MicroPython's `c` conversion keeps only the low byte of the code, and a byte past
    /// ASCII comes out as NUL (`'{:c}'.format(300) == ','`, `'{:c}'.format(255) == '\x00'`).
    static func characterCode(_ value: BigInt) -> String {
        let byte = UInt8(truncatingIfNeeded: value)
        return String(Character(Unicode.Scalar(byte < 0x80 ? byte : 0)))
    }

    // MARK: - Floats

    public func format(float value: Double) throws(EngineError) -> String {
        let style: Character
        switch type {
        case nil, "n": style = "g"
        case "e", "E", "f", "F", "g", "G", "%": style = type!
        default:
            throw EngineError(.valueError, "unknown format code '\(type!)' for object of type 'float'")
        }
        let signChar: Character? = sign == "+" ? "+" : (sign == " " ? " " : nil)
        let text = FloatFormatter.format(value, style: style, precision: precision, sign: signChar)
        var prefix = ""
        var body = text
        if let first = body.first, first == "-" || first == "+" || first == " " {
            prefix = String(first)
            body.removeFirst()
        }
        return pad(body, prefix: prefix, defaultAlign: ">")
    }

    // MARK: - Padding

    /// Applies width, fill and alignment; `=` puts the padding between sign/prefix and digits.
    func pad(_ body: String, prefix: String, defaultAlign: Character) -> String {
        var fill = self.fill ?? " "
        var align = self.align ?? defaultAlign
        if zeroPad && self.fill == nil {
            fill = "0"
            if self.align == nil && defaultAlign == ">" { align = "=" }
        }
        let length = prefix.count + body.count
        guard let width, width > length else { return prefix + body }
        let padding = width - length
        let padText = String(repeating: fill, count: padding)
        switch align {
        case "<": return prefix + body + padText
        case "^":
            let left = padding / 2
            return String(repeating: fill, count: left) + prefix + body + String(repeating: fill, count: padding - left)
        case "=": return prefix + padText + body
        default: return padText + prefix + body
        }
    }

    /// Inserts separators; with `0` padding the zeros are grouped too, as in `'{:08,}'`.
    private func grouped(_ digits: String, separator: Character, size: Int, prefixLength: Int) -> String {
        var raw = Array(digits)
        if zeroPad && fill == nil && (align == nil || align == "="), let width {
            // Grow with zeros until the grouped text (plus prefix) reaches the width.
            while prefixLength + raw.count + (raw.count - 1) / size < width {
                raw.insert("0", at: 0)
            }
        }
        var result: [Character] = []
        for (offset, char) in raw.enumerated() {
            if offset > 0 && (raw.count - offset) % size == 0 { result.append(separator) }
            result.append(char)
        }
        return String(result)
    }
}
