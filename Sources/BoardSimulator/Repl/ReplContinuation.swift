/// MicroPython's rule for when the friendly REPL asks for another line (`... `), which is not
/// CPython's: input that starts with a compound-statement keyword continues until an empty line
/// even when it is complete (`for i in x: print(i)`), as do unclosed brackets, unclosed triple
/// quotes and a trailing backslash.
enum ReplContinuation {
    private static let compoundKeywords = ["if", "while", "for", "try", "with", "def", "class", "async"]

    static func needsMore(_ input: String) -> Bool {
        let bytes = Array(input.utf8)
        guard let last = bytes.last else { return false }
        let startsCompound = bytes[0] == UInt8(ascii: "@") || compoundKeywords.contains { startsWithWord(bytes, $0) }

        enum Quote { case none, single, double, tripleSingle, tripleDouble }
        var quote = Quote.none
        var depth = 0
        var i = 0
        func at(_ k: Int) -> UInt8? { k < bytes.count ? bytes[k] : nil }
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: "'") {
                if (quote == .none || quote == .tripleSingle) && at(i + 1) == c && at(i + 2) == c {
                    i += 2
                    quote = quote == .none ? .tripleSingle : .none
                } else if quote == .none || quote == .single {
                    quote = quote == .none ? .single : .none
                }
            } else if c == UInt8(ascii: "\"") {
                if (quote == .none || quote == .tripleDouble) && at(i + 1) == c && at(i + 2) == c {
                    i += 2
                    quote = quote == .none ? .tripleDouble : .none
                } else if quote == .none || quote == .double {
                    quote = quote == .none ? .double : .none
                }
            } else if c == UInt8(ascii: "\\"), let next = at(i + 1),
                      next == UInt8(ascii: "'") || next == UInt8(ascii: "\"") || next == UInt8(ascii: "\\") {
                if quote != .none { i += 1 }
            } else if quote == .none {
                switch c {
                case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
                case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
                default: break
                }
            }
            i += 1
        }
        if quote == .tripleSingle || quote == .tripleDouble { return true }
        if depth > 0 && quote == .none { return true }
        if last == UInt8(ascii: "\\") { return true }
        if startsCompound && last != 0x0A { return true }
        return false
    }

    /// `word` at the start, not followed by an identifier character ("if" but not "iffy").
    private static func startsWithWord(_ bytes: [UInt8], _ word: String) -> Bool {
        let w = Array(word.utf8)
        guard bytes.count >= w.count, Array(bytes[0..<w.count]) == w else { return false }
        guard bytes.count > w.count else { return true }
        let next = bytes[w.count]
        let isIdent = (next >= 0x30 && next <= 0x39) || (next >= 0x41 && next <= 0x5A)
            || (next >= 0x61 && next <= 0x7A) || next == 0x5F || next >= 0x80
        return !isIdent
    }
}
