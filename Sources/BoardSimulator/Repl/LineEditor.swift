/// The friendly REPL's line editor, reproducing MicroPython's readline byte for byte: the same
/// echo, VT100 cursor movements, history, emacs keys and auto-indent, so terminals and tools that
/// screen-scrape a real board see identical output.
///
/// `line` may already hold earlier lines of a compound statement; editing is confined to the part
/// after `originalLength`.
struct LineEditor {
    static let historySize = 8

    private(set) var line: [UInt8] = []
    private var originalLength = 0
    private var cursor = 0
    private var escape = EscapeState.none
    private var escapeDigit: UInt8 = 0
    private var historyIndex = -1
    private var history: [[UInt8]] = []
    private var autoIndentEnabled = false
    private var autoIndentJustAdded = false
    private var prompt: [UInt8] = []
    /// Names completing a dotted word, for the Tab key.
    var completer: ((String) -> [String])?

    private enum EscapeState { case none, escape, bracket, bracketDigit, letterO }

    /// What a key did.
    enum Result: Equatable {
        /// Keep reading.
        case pending
        /// Enter was pressed; the line is complete.
        case enter
        /// A control character the REPL handles (Ctrl-A..E on an empty line, Ctrl-C).
        case control(UInt8)
    }

    /// Starts a new line or a continuation line after `existing`, printing `prompt`.
    mutating func begin(existing: [UInt8], prompt: String, output: (([UInt8]) -> Void)) {
        line = existing
        originalLength = line.count
        escape = .none
        escapeDigit = 0
        historyIndex = -1
        cursor = originalLength
        self.prompt = Array(prompt.utf8)
        output(self.prompt)
        if line.isEmpty {
            autoIndentEnabled = true
            autoIndentJustAdded = false
        }
        autoIndent(output: output)
    }

    /// Feeds one received byte.
    mutating func process(_ c: UInt8, output: (([UInt8]) -> Void)) -> Result {
        let lastLength = line.count
        var stepBack = 0
        var redrawFromCursor = false
        var stepForward = 0
        var out: [UInt8] = []

        func home() { stepBack = cursor - originalLength }
        func end() { stepForward = line.count - cursor }
        func left() { if cursor > originalLength { stepBack = 1 } }
        func right() { if cursor < line.count { stepForward = 1 } }
        func deleteAtCursor() {
            if cursor < line.count {
                line.remove(at: cursor)
                redrawFromCursor = true
            }
        }
        func historyUp() {
            guard historyIndex + 1 < Self.historySize, historyIndex + 1 < history.count else { return }
            historyIndex += 1
            line.removeSubrange(originalLength...)
            line.append(contentsOf: history[historyIndex])
            stepBack = cursor - originalLength
            redrawFromCursor = true
            stepForward = line.count - originalLength
        }
        func historyDown() {
            guard historyIndex >= 0 else { return }
            historyIndex -= 1
            line.removeSubrange(originalLength...)
            if historyIndex >= 0 { line.append(contentsOf: history[historyIndex]) }
            stepBack = cursor - originalLength
            redrawFromCursor = true
            stepForward = line.count - originalLength
        }
        func wordDistance(forward: Bool) -> Int {
            var pos = cursor
            var inWord = false
            while true {
                if !forward && pos == 0 { break }
                if forward && pos == line.count { break }
                let ch = line[forward ? pos : pos - 1]
                if Self.isAlphanumeric(ch) {
                    inWord = true
                } else if inWord {
                    break
                }
                pos += forward ? 1 : -1
            }
            return forward ? pos - cursor : cursor - pos
        }
        func killWordBackward() {
            stepBack = wordDistance(forward: false)
            line.removeSubrange((cursor - stepBack)..<cursor)
            redrawFromCursor = true
        }

        switch escape {
        case .none:
            if (1...5).contains(c) && line.count == originalLength {
                return .control(c)
            }
            switch c {
            case 0x01: home()
            case 0x02: left()
            case 0x03: return .control(c)
            case 0x04: deleteAtCursor()
            case 0x05: end()
            case 0x06: right()
            case 0x0B:
                line.removeSubrange(cursor...)
                redrawFromCursor = true
            case 0x0E: historyDown()
            case 0x10: historyUp()
            case 0x15:
                line.removeSubrange(originalLength..<cursor)
                stepBack = cursor - originalLength
                redrawFromCursor = true
            case 0x17: killWordBackward()
            case 0x0D:
                output([0x0D, 0x0A])
                pushHistory(Array(line[originalLength...]))
                return .enter
            case 0x1B:
                escape = .escape
            case 0x08, 0x7F:
                if cursor > originalLength {
                    var spaces = 0
                    for i in originalLength..<cursor {
                        if line[i] != 0x20 { spaces = 0; break }
                        spaces += 1
                    }
                    let count = spaces < 4 ? 1 : 4
                    line.removeSubrange((cursor - count)..<cursor)
                    stepBack = count
                    redrawFromCursor = true
                }
            case 0x09 where autoIndentJustAdded, 0x20 where autoIndentJustAdded:
                autoIndentEnabled = false
                autoIndentJustAdded = false
                if c == 0x20 {
                    stepBack = 3
                    line.removeLast(3)
                }
            case 0x09:
                if !line.isEmpty, cursor > 0, Self.isSpace(line[cursor - 1]) {
                    line.insert(contentsOf: [0x20, 0x20, 0x20, 0x20], at: cursor)
                    redrawFromCursor = true
                    stepForward = 4
                } else {
                    switch complete() {
                    case .none:
                        break
                    case .insert(let text):
                        line.insert(contentsOf: text, at: cursor)
                        redrawFromCursor = true
                        stepForward = text.count
                    case .list(let listing):
                        out.append(contentsOf: listing)
                        out.append(contentsOf: prompt)
                        out.append(contentsOf: line[originalLength..<cursor])
                        redrawFromCursor = true
                    }
                }
            case 0x20...0x7E:
                line.insert(c, at: cursor)
                redrawFromCursor = true
                stepForward = 1
            default:
                break
            }
        case .escape:
            escape = .none
            switch c {
            case UInt8(ascii: "["): escape = .bracket
            case UInt8(ascii: "O"): escape = .letterO
            case UInt8(ascii: "b"): stepBack = wordDistance(forward: false)
            case UInt8(ascii: "f"): stepForward = wordDistance(forward: true)
            case UInt8(ascii: "d"):
                let count = wordDistance(forward: true)
                line.removeSubrange(cursor..<(cursor + count))
                redrawFromCursor = true
            case 0x7F: killWordBackward()
            default: break
            }
        case .bracket:
            if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c) {
                escape = .bracketDigit
                escapeDigit = c
            } else {
                escape = .none
                switch c {
                case UInt8(ascii: "A"): historyUp()
                case UInt8(ascii: "B"): historyDown()
                case UInt8(ascii: "C"): right()
                case UInt8(ascii: "D"): left()
                case UInt8(ascii: "H"): home()
                case UInt8(ascii: "F"): end()
                default: break
                }
            }
        case .bracketDigit:
            escape = .none
            if c == UInt8(ascii: "~") {
                switch escapeDigit {
                case UInt8(ascii: "1"), UInt8(ascii: "7"): home()
                case UInt8(ascii: "4"), UInt8(ascii: "8"): end()
                case UInt8(ascii: "3"): deleteAtCursor()
                default: break
                }
            } else if c == UInt8(ascii: ";") && escapeDigit == UInt8(ascii: "1") {
                // Modifier sequences such as ESC [ 1 ; 5 C: parse the rest as after "ESC [".
                escape = .bracket
                autoIndentJustAdded = false
                return .pending
            } else if escapeDigit == UInt8(ascii: "5") && c == UInt8(ascii: "C") {
                stepForward = wordDistance(forward: true)
            } else if escapeDigit == UInt8(ascii: "5") && c == UInt8(ascii: "D") {
                stepBack = wordDistance(forward: false)
            }
        case .letterO:
            escape = .none
            switch c {
            case UInt8(ascii: "H"): home()
            case UInt8(ascii: "F"): end()
            default: break
            }
        }

        if stepBack > 0 {
            out.append(contentsOf: Self.cursorBack(stepBack))
            cursor -= stepBack
        }
        if redrawFromCursor {
            if line.count < lastLength {
                out.append(contentsOf: [0x1B, UInt8(ascii: "["), UInt8(ascii: "K")])
            }
            out.append(contentsOf: line[cursor...])
            out.append(contentsOf: Self.cursorBack(line.count - (cursor + stepForward)))
            cursor += stepForward
        } else if stepForward > 0 {
            out.append(contentsOf: line[cursor..<(cursor + stepForward)])
            cursor += stepForward
        }
        autoIndentJustAdded = false
        output(out)
        return .pending
    }

    private enum Completion {
        case none
        case insert([UInt8])
        /// Several candidates: the listing to print before the prompt is redrawn.
        case list([UInt8])
    }

    /// MicroPython's Tab: complete the dotted word before the cursor as far as all candidates
    /// agree, or list them in 16-column slots when they do not.
    private func complete() -> Completion {
        var start = cursor
        while start > originalLength {
            let c = line[start - 1]
            guard Self.isAlphanumeric(c) || c == UInt8(ascii: "_") || c == UInt8(ascii: ".") else { break }
            start -= 1
        }
        let word = String(decoding: line[start..<cursor], as: UTF8.self)
        let partial = word.split(separator: ".", omittingEmptySubsequences: false).last.map(String.init) ?? word
        let candidates = completer?(word) ?? []
        guard let first = candidates.first else {
            let keyword = "import "
            if start == originalLength && !word.isEmpty && keyword.hasPrefix(word) {
                return .insert(Array(keyword.utf8.dropFirst(word.utf8.count)))
            }
            return .none
        }
        var common = Array(first.utf8)
        for candidate in candidates.dropFirst() {
            let other = Array(candidate.utf8)
            var n = 0
            while n < common.count && n < other.count && common[n] == other[n] { n += 1 }
            common.removeSubrange(n...)
        }
        if candidates.count == 1 || common.count > partial.utf8.count {
            return .insert(Array(common.dropFirst(partial.utf8.count)))
        }
        let slot = 16
        let maxLine = 4 * slot
        var listing: [UInt8] = []
        var lineLength = maxLine
        for candidate in candidates {
            let length = candidate.utf8.count
            var gap = (lineLength + slot - 1) / slot * slot - lineLength
            if gap < 2 { gap += slot }
            if lineLength + gap + length <= maxLine {
                listing.append(contentsOf: Array(repeating: 0x20, count: gap))
                listing.append(contentsOf: candidate.utf8)
                lineLength += gap + length
            } else {
                listing.append(contentsOf: [0x0D, 0x0A])
                listing.append(contentsOf: candidate.utf8)
                lineLength = length
            }
        }
        listing.append(contentsOf: [0x0D, 0x0A])
        return .list(listing)
    }

    /// Indents a continuation line like the previous one, one level deeper after a colon.
    private mutating func autoIndent(output: (([UInt8]) -> Void)) {
        guard autoIndentEnabled, line.count > 1, line[line.count - 1] == 0x0A else { return }
        var i = line.count - 1
        while i > 0 && line[i - 1] != 0x0A { i -= 1 }
        var j = i
        while j < line.count && line[j] == 0x20 { j += 1 }
        if i > 0 && j + 1 == line.count {
            // The previous line is blank: stop indenting after two blank lines in a row.
            var k = i - 1
            while k > 0 {
                if line[k - 1] == 0x0A { return }
                if line[k - 1] != 0x20 { break }
                k -= 1
            }
        }
        var levels = (j - i) / 4
        if line[line.count - 2] == UInt8(ascii: ":") { levels += 1 }
        while levels > 0 {
            levels -= 1
            line.append(contentsOf: [0x20, 0x20, 0x20, 0x20])
            output([0x20, 0x20, 0x20, 0x20])
            cursor += 4
            autoIndentJustAdded = true
        }
    }

    private mutating func pushHistory(_ entry: [UInt8]) {
        guard !entry.isEmpty, history.first != entry else { return }
        history.insert(entry, at: 0)
        if history.count > Self.historySize { history.removeLast() }
    }

    private static func cursorBack(_ count: Int) -> [UInt8] {
        guard count > 0 else { return [] }
        if count <= 4 { return Array(repeating: 0x08, count: count) }
        return Array("\u{1B}[\(count)D".utf8)
    }

    private static func isAlphanumeric(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
    }

    private static func isSpace(_ c: UInt8) -> Bool {
        c == 0x20 || (c >= 0x09 && c <= 0x0D)
    }
}
