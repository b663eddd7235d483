/// Cuts a byte stream into chunks that never end in the middle of a UTF-8 character.
///
/// Board output arrives in arbitrary reads; a character such as "é" (two bytes) or an emoji
/// (four) can straddle two reads. Anything that handles chunks one at a time (a terminal
/// escaper, a line-oriented consumer, a String decoder) would then see two broken halves. The
/// aligner holds back at most three trailing bytes that start a character and hands them out with
/// the next chunk. Bytes that are not valid UTF-8 pass through untouched: the board owns its bytes.
public struct UTF8ChunkAligner: Sendable {
    private var pending: [UInt8] = []

    public init() {}

    /// The bytes of `chunk` (after any held back earlier) up to the last complete character.
    public mutating func align(_ chunk: [UInt8]) -> [UInt8] {
        var bytes = pending
        bytes.append(contentsOf: chunk)
        let cut = Self.completePrefixLength(bytes)
        pending = Array(bytes[cut...])
        return cut == bytes.count ? bytes : Array(bytes[..<cut])
    }

    /// Whatever is still held back, for the end of the stream.
    public mutating func flush() -> [UInt8] {
        defer { pending = [] }
        return pending
    }

    /// The length of `bytes` without a trailing incomplete (but so far valid) character.
    static func completePrefixLength(_ bytes: [UInt8]) -> Int {
        let count = bytes.count
        // Look back at most 3 bytes for the lead byte of the last character.
        var back = 1
        while back <= min(3, count) {
            let byte = bytes[count - back]
            if byte & 0xC0 != 0x80 {
                let needed: Int
                switch byte {
                case 0xC2...0xDF: needed = 2
                case 0xE0...0xEF: needed = 3
                case 0xF0...0xF4: needed = 4
                default: return count  // ASCII or not a lead byte: nothing to hold back
                }
                return back < needed ? count - back : count
            }
            back += 1
        }
        return count
    }
}
