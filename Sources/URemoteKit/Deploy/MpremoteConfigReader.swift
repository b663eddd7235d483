import Foundation

/// Reads the `commands = {...}` dictionary of mpremote's `config.py` as data, so users keep the
/// aliases they already wrote without uremote ever executing their Python. Only literals are
/// understood (strings, including implicit concatenation and triple quotes, lists, tuples, dicts);
/// anything computed makes that entry unreadable and it is reported, not guessed.
enum MpremoteConfigReader {
    /// The `commands` dictionary, or an empty table when the file defines none.
    static func commands(in text: String, file: String) throws(ConfigError) -> ConfigValue {
        var scanner = PythonLiteralScanner(chars: Array(text), file: file)
        guard scanner.seekAssignment(to: "commands") else { return .table([]) }
        let value = try scanner.literal()
        guard case .table = value else {
            throw ConfigError(file: file, line: scanner.line, message: "'commands' is not a dict literal")
        }
        return value
    }
}

/// A tokenizer for Python literal expressions.
struct PythonLiteralScanner {
    var chars: [Character]
    var pos = 0
    var line = 1
    let file: String

    init(chars: [Character], file: String) {
        self.chars = chars
        self.file = file
    }

    private func fail(_ message: String) -> ConfigError { ConfigError(file: file, line: line, message: message) }
    private var current: Character? { pos < chars.count ? chars[pos] : nil }

    /// Moves past `name =` at the start of a line (top level), if there is one.
    mutating func seekAssignment(to name: String) -> Bool {
        var atLineStart = true
        while pos < chars.count {
            let c = chars[pos]
            if atLineStart && String(chars[pos...].prefix(name.count)) == name {
                var p = pos + name.count
                while p < chars.count && (chars[p] == " " || chars[p] == "\t") { p += 1 }
                if p < chars.count && chars[p] == "=" && (p + 1 >= chars.count || chars[p + 1] != "=") {
                    pos = p + 1
                    return true
                }
            }
            if c == "\n" { line += 1 }
            atLineStart = c == "\n"
            pos += 1
        }
        return false
    }

    private mutating func skipBlanks() {
        while let c = current {
            if c == " " || c == "\t" || c == "\r" || c == "\\" { pos += 1 }
            else if c == "\n" { line += 1; pos += 1 }
            else if c == "#" { while let k = current, k != "\n" { pos += 1 } }
            else { break }
        }
    }

    mutating func literal() throws(ConfigError) -> ConfigValue {
        skipBlanks()
        guard let c = current else { throw fail("missing value") }
        switch c {
        case "{":
            pos += 1
            var entries: [(key: String, value: ConfigValue)] = []
            while true {
                skipBlanks()
                if current == "}" { pos += 1; return .table(entries) }
                guard case .string(let key) = try literal() else { throw fail("dict keys must be strings") }
                skipBlanks()
                guard current == ":" else { throw fail("expected ':' in a dict") }
                pos += 1
                entries.append((key, try literal()))
                skipBlanks()
                if current == "," { pos += 1; continue }
                guard current == "}" else { throw fail("expected ',' or '}' in a dict (only literal values are read)") }
            }
        case "[", "(":
            let close: Character = c == "[" ? "]" : ")"
            pos += 1
            var items: [ConfigValue] = []
            while true {
                skipBlanks()
                if current == close { pos += 1; return .array(items) }
                items.append(try literal())
                skipBlanks()
                if current == "," { pos += 1; continue }
                guard current == close else { throw fail("expected ',' or '\(close)' (only literal values are read)") }
            }
        case "\"", "'", "r", "R", "u", "U", "b", "f":
            var text = try string()
            // Adjacent literals concatenate, as in Python.
            while true {
                let save = (pos, line)
                skipBlanks()
                if let k = current, k == "\"" || k == "'" { text += try string() } else { (pos, line) = save; break }
            }
            return .string(text)
        default:
            var word = ""
            while let k = current, k.isLetter || k.isNumber || k == "_" || k == "-" { word.append(k); pos += 1 }
            if word == "True" { return .boolean(true) }
            if word == "False" { return .boolean(false) }
            if let n = Int(word) { return .integer(n) }
            throw fail("'\(word.isEmpty ? String(c) : word)' is not a literal; uremote reads config.py without running it")
        }
    }

    private mutating func string() throws(ConfigError) -> String {
        var raw = false
        while let c = current, "rRuUbBfF".contains(c) {
            if c == "f" || c == "F" { throw fail("f-strings are computed; uremote reads config.py without running it") }
            if c == "r" || c == "R" { raw = true }
            pos += 1
        }
        guard let quote = current, quote == "\"" || quote == "'" else { throw fail("expected a string") }
        let triple = pos + 2 < chars.count && chars[pos + 1] == quote && chars[pos + 2] == quote
        pos += triple ? 3 : 1
        var out = ""
        while let c = current {
            if c == quote && (!triple || (pos + 2 < chars.count && chars[pos + 1] == quote && chars[pos + 2] == quote)) {
                pos += triple ? 3 : 1
                return out
            }
            pos += 1
            if c == "\n" {
                guard triple else { break }
                line += 1
            }
            if c == "\\" && !raw, let e = current {
                pos += 1
                switch e {
                case "n": out.append("\n")
                case "t": out.append("\t")
                case "\\": out.append("\\")
                case "'": out.append("'")
                case "\"": out.append("\"")
                case "\n": line += 1
                default: out.append("\\"); out.append(e)
                }
                continue
            }
            out.append(c)
        }
        throw fail("unterminated string")
    }
}
