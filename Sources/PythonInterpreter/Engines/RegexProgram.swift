/// A compiled pattern for the backtracking matcher in `RegexEngine`: a flat list of instructions.
///
/// The syntax is MicroPython's `re` (re1.5): `. [] [^] * + ? *? +? ?? | () (?:) ^ $` and the class
/// escapes `\d \D \w \W \s \S`. Every other escaped character stands for itself (so `\b` is the
/// letter b and `\n` the letter n), `{` and `}` are ordinary characters, and patterns work on
/// bytes: a str subject is matched as its UTF-8 encoding, as MicroPython does.
struct RegexProgram {
    enum Instruction: Equatable {
        case byte(UInt8)
        case any
        case byteClass(Int)
        case split(prefer: Int, other: Int)
        case jump(Int)
        case save(Int)
        case atStart
        case atEnd
        /// Stores the position in a loop slot so an empty iteration can be refused.
        case mark(Int)
        /// Raises when the loop body consumed nothing since the matching `mark` (MicroPython
        /// recurses forever there).
        case requireProgress(Int)
        case match
    }

    var instructions: [Instruction] = []
    var classes: [ByteSet] = []
    var groupCount = 0
    var loopSlots = 0
    /// The byte every match must start with, when there is one (speeds up `search`).
    var firstByte: UInt8?
}

/// 256-bit membership set for character classes.
struct ByteSet: Equatable {
    var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    static func == (lhs: ByteSet, rhs: ByteSet) -> Bool {
        lhs.words == rhs.words
    }

    func contains(_ byte: UInt8) -> Bool {
        let bit = UInt64(1) << UInt64(byte & 63)
        switch byte >> 6 {
        case 0: return words.0 & bit != 0
        case 1: return words.1 & bit != 0
        case 2: return words.2 & bit != 0
        default: return words.3 & bit != 0
        }
    }

    mutating func insert(_ byte: UInt8) {
        let bit = UInt64(1) << UInt64(byte & 63)
        switch byte >> 6 {
        case 0: words.0 |= bit
        case 1: words.1 |= bit
        case 2: words.2 |= bit
        default: words.3 |= bit
        }
    }

    mutating func insert(_ other: ByteSet) {
        words.0 |= other.words.0
        words.1 |= other.words.1
        words.2 |= other.words.2
        words.3 |= other.words.3
    }

    func inverted() -> ByteSet {
        var result = ByteSet()
        result.words = (~words.0, ~words.1, ~words.2, ~words.3)
        return result
    }

    static func matching(_ predicate: (UInt8) -> Bool) -> ByteSet {
        var set = ByteSet()
        for byte in 0...255 where predicate(UInt8(byte)) { set.insert(UInt8(byte)) }
        return set
    }

    static let digits = matching { $0 >= 48 && $0 <= 57 }
    static let word = matching { ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || $0 == 95 }
    static let space = matching { $0 == 32 || ($0 >= 9 && $0 <= 13) }

    /// The set for a class escape letter, or nil if the letter is not one.
    static func escape(_ letter: UInt8) -> ByteSet? {
        switch letter {
        case UInt8(ascii: "d"): return digits
        case UInt8(ascii: "D"): return digits.inverted()
        case UInt8(ascii: "w"): return word
        case UInt8(ascii: "W"): return word.inverted()
        case UInt8(ascii: "s"): return space
        case UInt8(ascii: "S"): return space.inverted()
        default: return nil
        }
    }
}
