import Foundation

/// The part of TOML uremote's config files use: `[table]` and `[a.b]` headers, `key = value`
/// with basic and literal strings, integers, booleans, arrays and inline tables, `#` comments.
/// Multi-line strings and dates are not supported and are reported as errors, never guessed.
struct TOMLReader {
    private var chars: [Character]
    private var pos = 0
    private var line = 1
    private let file: String

    static func parse(_ text: String, file: String) throws(ConfigError) -> ConfigValue {
        var reader = TOMLReader(chars: Array(text), file: file)
        return try reader.document()
    }

    private init(chars: [Character], file: String) {
        self.chars = chars
        self.file = file
    }

    private func fail(_ message: String) -> ConfigError { ConfigError(file: file, line: line, message: message) }

    private var current: Character? { pos < chars.count ? chars[pos] : nil }

    private mutating func skipSpaces() {
        while let c = current, c == " " || c == "\t" { pos += 1 }
    }

    private mutating func skipComment() {
        if current == "#" { while let c = current, c != "\n" { pos += 1 } }
    }

    /// Skips blanks, newlines and comments (inside arrays and between statements).
    private mutating func skipAll() {
        while let c = current {
            if c == " " || c == "\t" || c == "\r" { pos += 1 }
            else if c == "\n" { line += 1; pos += 1 }
            else if c == "#" { skipComment() }
            else { break }
        }
    }

    private mutating func endOfLine() throws(ConfigError) {
        skipSpaces()
        skipComment()
        if current == "\r" { pos += 1 }
        guard current == nil || current == "\n" else { throw fail("unexpected text after a value") }
    }

    private mutating func document() throws(ConfigError) -> ConfigValue {
        var root: [(key: String, value: ConfigValue)] = []
        var tablePath: [String] = []
        while true {
            skipAll()
            guard let c = current else { break }
            if c == "[" {
                pos += 1
                tablePath = try dottedKey(until: "]")
                pos += 1
                try endOfLine()
                Self.insert(&root, path: tablePath, value: .table([]), replace: false)
                continue
            }
            let key = try dottedKey(until: "=")
            pos += 1
            skipSpaces()
            let value = try self.value()
            try endOfLine()
            Self.insert(&root, path: tablePath + key, value: value, replace: true)
        }
        return .table(root)
    }

    private static func insert(_ table: inout [(key: String, value: ConfigValue)], path: [String], value: ConfigValue, replace: Bool) {
        guard let first = path.first else { return }
        let index = table.firstIndex { $0.key == first }
        if path.count == 1 {
            if let index { if replace { table[index].value = value } } else { table.append((first, value)) }
            return
        }
        var inner = index.map { table[$0].value.entries } ?? []
        insert(&inner, path: Array(path.dropFirst()), value: value, replace: replace)
        if let index { table[index].value = .table(inner) } else { table.append((first, .table(inner))) }
    }

    private mutating func dottedKey(until end: Character) throws(ConfigError) -> [String] {
        var parts: [String] = []
        while true {
            skipSpaces()
            guard let c = current else { throw fail("expected '\(end)'") }
            if c == "\"" || c == "'" {
                parts.append(try string())
            } else {
                var bare = ""
                while let k = current, k.isLetter || k.isNumber || k == "_" || k == "-" { bare.append(k); pos += 1 }
                guard !bare.isEmpty else { throw fail("expected a key, found '\(c)'") }
                parts.append(bare)
            }
            skipSpaces()
            if current == "." { pos += 1; continue }
            guard current == end else { throw fail("expected '\(end)' after key '\(parts.joined(separator: "."))'") }
            return parts
        }
    }

    private mutating func value() throws(ConfigError) -> ConfigValue {
        guard let c = current else { throw fail("missing value") }
        switch c {
        case "\"", "'":
            return .string(try string())
        case "[":
            pos += 1
            var items: [ConfigValue] = []
            while true {
                skipAll()
                if current == "]" { pos += 1; return .array(items) }
                items.append(try value())
                skipAll()
                if current == "," { pos += 1; continue }
                guard current == "]" else { throw fail("expected ',' or ']' in an array") }
            }
        case "{":
            pos += 1
            var entries: [(key: String, value: ConfigValue)] = []
            skipSpaces()
            if current == "}" { pos += 1; return .table([]) }
            while true {
                let key = try dottedKey(until: "=")
                pos += 1
                skipSpaces()
                Self.insert(&entries, path: key, value: try value(), replace: true)
                skipSpaces()
                if current == "," { pos += 1; continue }
                guard current == "}" else { throw fail("expected ',' or '}' in an inline table") }
                pos += 1
                return .table(entries)
            }
        default:
            var word = ""
            while let k = current, !(k == "," || k == "]" || k == "}" || k == " " || k == "\t" || k == "\n" || k == "#" || k == "\r") {
                word.append(k); pos += 1
            }
            if word == "true" { return .boolean(true) }
            if word == "false" { return .boolean(false) }
            if let n = Int(word.replacingOccurrences(of: "_", with: "")) { return .integer(n) }
            throw fail("unsupported value '\(word)' (use a quoted string, a number, true/false, [..] or {..})")
        }
    }

    private mutating func string() throws(ConfigError) -> String {
        let quote = chars[pos]
        pos += 1
        if current == quote, pos + 1 < chars.count, chars[pos + 1] == quote {
            throw fail("multi-line strings are not supported")
        }
        var out = ""
        while let c = current {
            pos += 1
            if c == quote { return out }
            if c == "\n" { break }
            if c == "\\" && quote == "\"" {
                guard let e = current else { break }
                pos += 1
                switch e {
                case "n": out.append("\n")
                case "t": out.append("\t")
                case "r": out.append("\r")
                case "\\": out.append("\\")
                case "\"": out.append("\"")
                case "u", "U":
                    let count = e == "u" ? 4 : 8
                    guard pos + count <= chars.count, let code = UInt32(String(chars[pos..<(pos + count)]), radix: 16),
                          let scalar = Unicode.Scalar(code) else { throw fail("bad \\\(e) escape") }
                    out.unicodeScalars.append(scalar)
                    pos += count
                default: throw fail("unknown escape \\\(e)")
                }
                continue
            }
            out.append(c)
        }
        throw fail("unterminated string")
    }
}
