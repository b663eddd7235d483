import Foundation

/// Turns source text into tokens, tracking indentation and bracket nesting the way Python does.
struct Lexer {
    private let src: [UInt8]
    private var pos = 0
    private var line = 1
    private var indents: [Int] = [0]
    private var depth = 0
    private var tokens: [Token] = []
    private var atLineStart = true

    /// Line endings become `\n` first, as MicroPython's reader does: `\r\n` and a lone `\r`
    /// end a line, also inside triple-quoted strings.
    init(_ source: String) {
        let bytes = Array(source.utf8)
        guard bytes.contains(13) else { src = bytes; return }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 13 {
                out.append(10)
                if i + 1 < bytes.count && bytes[i + 1] == 10 { i += 1 }
            } else {
                out.append(bytes[i])
            }
            i += 1
        }
        src = out
    }

    static let threeCharOps: Set<String> = ["**=", "//=", ">>=", "<<=", "...", "!=="]
    static let twoCharOps: Set<String> = ["**", "//", ">>", "<<", "<=", ">=", "==", "!=", "->", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", ":="]

    mutating func tokenize() throws -> [Token] {
        while true {
            if atLineStart {
                try handleIndentation()
                if pos >= src.count { break }
            }
            guard pos < src.count else { break }
            let c = src[pos]
            if c == UInt8(ascii: "#") {
                while pos < src.count && src[pos] != 10 { pos += 1 }
                continue
            }
            if c == 32 || c == 9 || c == 12 || c == 13 { pos += 1; continue }
            if c == UInt8(ascii: "\\") && pos + 1 < src.count && (src[pos + 1] == 10 || src[pos + 1] == 13) {
                pos += 1
                if src[pos] == 13 { pos += 1 }
                if pos < src.count && src[pos] == 10 { pos += 1 }
                line += 1
                continue
            }
            if c == 10 {
                pos += 1
                if depth == 0 {
                    if let last = tokens.last, last.kind != .newline, last.kind != .indent, last.kind != .dedent {
                        tokens.append(Token(kind: .newline, line: line))
                    }
                    atLineStart = true
                }
                line += 1
                continue
            }
            if isIdentStart(c) {
                // string prefix?
                var j = pos
                while j < src.count && isIdentChar(src[j]) { j += 1 }
                let word = String(decoding: src[pos..<j], as: UTF8.self)
                if j < src.count && (src[j] == 34 || src[j] == 39) && word.count <= 2 {
                    let lw = word.lowercased()
                    if ["r", "b", "f", "rb", "br", "u", "fr", "rf"].contains(lw) {
                        pos = j
                        try lexString(prefix: lw)
                        continue
                    }
                }
                tokens.append(Token(kind: .name(word), line: line))
                pos = j
                continue
            }
            if c == 34 || c == 39 { try lexString(prefix: ""); continue }
            if isDigit(c) || (c == 46 && pos + 1 < src.count && isDigit(src[pos + 1])) {
                try lexNumber()
                continue
            }
            try lexOperator()
        }
        if let last = tokens.last, last.kind != .newline, last.kind != .dedent {
            tokens.append(Token(kind: .newline, line: line))
        }
        while indents.count > 1 { indents.removeLast(); tokens.append(Token(kind: .dedent, line: line)) }
        tokens.append(Token(kind: .eof, line: line))
        return tokens
    }

    private func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
    private func isIdentStart(_ c: UInt8) -> Bool { (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 95 || c >= 128 }
    private func isIdentChar(_ c: UInt8) -> Bool { isIdentStart(c) || isDigit(c) }

    private mutating func handleIndentation() throws {
        while true {
            var col = 0
            var p = pos
            while p < src.count {
                if src[p] == 32 { col += 1 } else if src[p] == 9 { col = (col / 8 + 1) * 8 } else if src[p] == 12 { col = 0 } else { break }
                p += 1
            }
            if p >= src.count { pos = p; return }
            let c = src[p]
            if c == 10 || c == 35 || c == 13 {
                // blank or comment line
                while p < src.count && src[p] != 10 { p += 1 }
                if p < src.count { p += 1; line += 1 }
                pos = p
                continue
            }
            if c == UInt8(ascii: "\\") && p + 1 < src.count && src[p + 1] == 10 {
                pos = p
                atLineStart = false
                return
            }
            pos = p
            atLineStart = false
            if col > indents.last! {
                indents.append(col)
                tokens.append(Token(kind: .indent, line: line))
            } else {
                while col < indents.last! {
                    indents.removeLast()
                    tokens.append(Token(kind: .dedent, line: line))
                }
                if col != indents.last! {
                    throw SyntaxErrorInfo(message: "unindent doesn't match any outer indent level", line: line, typeName: "IndentationError")
                }
            }
            return
        }
    }

    private mutating func lexNumber() throws {
        let start = pos
        let startLine = line
        if src[pos] == 48 && pos + 1 < src.count {
            let n = src[pos + 1] | 0x20
            if n == UInt8(ascii: "x") || n == UInt8(ascii: "o") || n == UInt8(ascii: "b") {
                pos += 2
                while pos < src.count && (isIdentChar(src[pos])) { pos += 1 }
                let text = String(decoding: src[start..<pos], as: UTF8.self).replacingOccurrences(of: "_", with: "")
                tokens.append(Token(kind: .int(text), line: startLine))
                return
            }
        }
        var isFloat = false
        while pos < src.count && (isDigit(src[pos]) || src[pos] == 95) { pos += 1 }
        if pos < src.count && src[pos] == 46 {
            isFloat = true
            pos += 1
            while pos < src.count && (isDigit(src[pos]) || src[pos] == 95) { pos += 1 }
        }
        if pos < src.count && (src[pos] | 0x20) == UInt8(ascii: "e") {
            var p = pos + 1
            if p < src.count && (src[p] == 43 || src[p] == 45) { p += 1 }
            if p < src.count && isDigit(src[p]) {
                isFloat = true
                pos = p
                while pos < src.count && (isDigit(src[pos]) || src[pos] == 95) { pos += 1 }
            }
        }
        let text = String(decoding: src[start..<pos], as: UTF8.self).replacingOccurrences(of: "_", with: "")
        if pos < src.count && (src[pos] | 0x20) == UInt8(ascii: "j") {
            pos += 1
            tokens.append(Token(kind: .imaginary(Double(text) ?? 0), line: startLine))
            return
        }
        if pos < src.count && isIdentStart(src[pos]) {
            throw SyntaxErrorInfo(message: "invalid syntax for number", line: startLine)
        }
        if isFloat {
            tokens.append(Token(kind: .float(Double(text) ?? 0), line: startLine))
        } else {
            tokens.append(Token(kind: .int(text), line: startLine))
        }
    }

    private mutating func lexOperator() throws {
        func at(_ n: Int) -> String {
            guard pos + n <= src.count else { return "" }
            return String(decoding: src[pos..<(pos + n)], as: UTF8.self)
        }
        let three = at(3), two = at(2), one = at(1)
        if Lexer.threeCharOps.contains(three) && three != "!==" {
            tokens.append(Token(kind: .op(three), line: line)); pos += 3; return
        }
        if Lexer.twoCharOps.contains(two) {
            tokens.append(Token(kind: .op(two), line: line)); pos += 2; return
        }
        if "+-*/%&|^~<>()[]{},:;.=@".contains(one) && !one.isEmpty {
            if "([{".contains(one) { depth += 1 }
            if ")]}".contains(one) { depth = max(0, depth - 1) }
            tokens.append(Token(kind: .op(one), line: line)); pos += 1; return
        }
        throw SyntaxErrorInfo(message: "invalid syntax", line: line)
    }

    private mutating func lexString(prefix: String) throws {
        let raw = prefix.contains("r")
        let isBytes = prefix.contains("b")
        let isF = prefix.contains("f")
        let quote = src[pos]
        let startLine = line
        var triple = false
        if pos + 2 < src.count && src[pos + 1] == quote && src[pos + 2] == quote { triple = true; pos += 3 } else { pos += 1 }
        var body: [UInt8] = []
        while true {
            guard pos < src.count else {
                throw SyntaxErrorInfo(message: "invalid syntax", line: startLine)
            }
            let c = src[pos]
            if c == quote {
                if !triple { pos += 1; break }
                if pos + 2 < src.count && src[pos + 1] == quote && src[pos + 2] == quote { pos += 3; break }
            }
            if c == 10 {
                if !triple { throw SyntaxErrorInfo(message: "invalid syntax", line: startLine) }
                line += 1
            }
            if c == 92 && pos + 1 < src.count {
                body.append(c); body.append(src[pos + 1])
                if src[pos + 1] == 10 { line += 1 }
                pos += 2
                continue
            }
            body.append(c)
            pos += 1
        }
        if isF {
            var fp = FStringParser(body: body, raw: raw, line: startLine)
            let parts = try fp.parse()
            tokens.append(Token(kind: .fstring(parts), line: startLine))
        } else if isBytes {
            tokens.append(Token(kind: .bytes(try Lexer.decodeEscapes(body, raw: raw, bytes: true, line: startLine)), line: startLine))
        } else {
            let b = try Lexer.decodeEscapes(body, raw: raw, bytes: false, line: startLine)
            tokens.append(Token(kind: .string(String(decoding: b, as: UTF8.self)), line: startLine))
        }
    }

    /// Decodes backslash escapes; for str literals the result is UTF-8.
    static func decodeEscapes(_ body: [UInt8], raw: Bool, bytes: Bool, line: Int) throws -> [UInt8] {
        if raw || !body.contains(92) { return body }
        var out: [UInt8] = []
        out.reserveCapacity(body.count)
        var i = 0
        func appendScalar(_ v: UInt32) {
            if bytes { out.append(UInt8(truncatingIfNeeded: v)); return }
            if let s = Unicode.Scalar(v) { out.append(contentsOf: Array(String(Character(s)).utf8)) }
        }
        func hex(_ n: Int) -> UInt32? {
            guard i + n <= body.count else { return nil }
            guard let v = UInt32(String(decoding: body[i..<(i + n)], as: UTF8.self), radix: 16) else { return nil }
            i += n
            return v
        }
        while i < body.count {
            let c = body[i]
            if c != 92 || i + 1 >= body.count { out.append(c); i += 1; continue }
            let e = body[i + 1]
            i += 2
            switch e {
            case 10: break
            case UInt8(ascii: "n"): out.append(10)
            case UInt8(ascii: "t"): out.append(9)
            case UInt8(ascii: "r"): out.append(13)
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var v = UInt32(e - 48)
                var k = 0
                while k < 2 && i < body.count && body[i] >= 48 && body[i] <= 55 { v = v * 8 + UInt32(body[i] - 48); i += 1; k += 1 }
                appendScalar(v)
            case UInt8(ascii: "x"):
                guard let v = hex(2) else { throw SyntaxErrorInfo(message: "invalid \\x escape", line: line) }
                appendScalar(v)
            case UInt8(ascii: "u") where !bytes:
                guard let v = hex(4) else { throw SyntaxErrorInfo(message: "invalid \\u escape", line: line) }
                appendScalar(v)
            case UInt8(ascii: "U") where !bytes:
                guard let v = hex(8) else { throw SyntaxErrorInfo(message: "invalid \\U escape", line: line) }
                appendScalar(v)
            case UInt8(ascii: "a"): out.append(7)
            case UInt8(ascii: "b"): out.append(8)
            case UInt8(ascii: "f"): out.append(12)
            case UInt8(ascii: "v"): out.append(11)
            case 92: out.append(92)
            case 39: out.append(39)
            case 34: out.append(34)
            default: out.append(92); out.append(e)
            }
        }
        return out
    }
}

/// Splits the body of an f-string into literal text and `{expression!conv:spec}` parts.
struct FStringParser {
    let body: [UInt8]
    let raw: Bool
    let line: Int
    var i = 0

    init(body: [UInt8], raw: Bool, line: Int) { self.body = body; self.raw = raw; self.line = line }

    mutating func parse(nested: Bool = false) throws -> [FStringPart] {
        var parts: [FStringPart] = []
        var lit: [UInt8] = []
        func flush() throws {
            if !lit.isEmpty {
                let d = try Lexer.decodeEscapes(lit, raw: raw, bytes: false, line: line)
                parts.append(.literal(String(decoding: d, as: UTF8.self)))
                lit = []
            }
        }
        while i < body.count {
            let c = body[i]
            if c == UInt8(ascii: "{") {
                if !nested && i + 1 < body.count && body[i + 1] == c { lit.append(c); i += 2; continue }
                try flush()
                i += 1
                // expression up to top-level !, :, = or }
                var depth = 0
                let start = i
                var quote: UInt8? = nil
                while i < body.count {
                    let d = body[i]
                    if let q = quote { if d == q { quote = nil }; i += 1; continue }
                    if d == 39 || d == 34 { quote = d; i += 1; continue }
                    if d == 40 || d == 91 || d == 123 { depth += 1 } else if d == 41 || d == 93 || d == 125 {
                        if depth == 0 { break }
                        depth -= 1
                    } else if depth == 0 && (d == 33 && i + 1 < body.count && body[i + 1] != 61) { break }
                    else if depth == 0 && d == 58 { break }
                    i += 1
                }
                var exprText = String(decoding: body[start..<i], as: UTF8.self)
                var debug: String? = nil
                let trimmed = exprText.trimmingCharacters(in: .whitespaces)
                if trimmed.hasSuffix("=") && !trimmed.hasSuffix("==") && !trimmed.hasSuffix("!=") && !trimmed.hasSuffix("<=") && !trimmed.hasSuffix(">=") {
                    debug = exprText
                    exprText = String(trimmed.dropLast())
                }
                var conv: Character? = nil
                if i < body.count && body[i] == 33 {
                    i += 1
                    if i < body.count { conv = Character(Unicode.Scalar(body[i])); i += 1 }
                    // Like MicroPython, only !r and !s are conversions; anything else fails to compile.
                    guard conv == "r" || conv == "s" else { throw SyntaxErrorInfo(message: "invalid syntax", line: line) }
                }
                var spec: [FStringPart]? = nil
                if i < body.count && body[i] == 58 {
                    i += 1
                    spec = try parse(nested: true)
                }
                guard i < body.count && body[i] == UInt8(ascii: "}") else {
                    throw SyntaxErrorInfo(message: "f-string: expecting '}'", line: line)
                }
                i += 1
                if debug != nil && conv == nil && spec == nil { conv = "r" }
                parts.append(.expression(exprText, conv, spec, debug))
                continue
            }
            if c == UInt8(ascii: "}") {
                if nested { break }
                if i + 1 < body.count && body[i + 1] == c { lit.append(c); i += 2; continue }
                throw SyntaxErrorInfo(message: "f-string: single '}' is not allowed", line: line)
            }
            lit.append(c)
            i += 1
        }
        try flush()
        return parts
    }
}
