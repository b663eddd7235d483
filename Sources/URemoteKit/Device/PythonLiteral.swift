/// Builds Python source text for values sent to the board.
///
/// Paths come from users and may hold quotes, backslashes or non-ASCII names; quoting them here,
/// once, keeps every generated snippet safe from injection and from syntax errors on the board.
enum PythonLiteral {
    /// A single-quoted Python string literal whose value is exactly `text`.
    static func string(_ text: String) -> String {
        var out = "'"
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "'": out += "\\'"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f {
                    out += "\\x" + hex2(UInt8(scalar.value))
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "'"
    }

    /// A Python list literal of string literals.
    static func list(_ items: [String]) -> String {
        "[" + items.map(string).joined(separator: ",") + "]"
    }

    private static func hex2(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
    }
}

/// Lowercase hexadecimal text of bytes, the form digests are printed in (as `sha256sum` does).
public func hexString(_ bytes: some Sequence<UInt8>) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    for b in bytes {
        out.append(digits[Int(b >> 4)])
        out.append(digits[Int(b & 15)])
    }
    return String(decoding: out, as: UTF8.self)
}
