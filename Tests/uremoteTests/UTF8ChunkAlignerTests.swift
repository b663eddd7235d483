import Testing
import URemoteKit

@Suite("UTF-8 chunk alignment")
struct UTF8ChunkAlignerTests {
    /// Splits `text` at every possible point and checks each half is valid UTF-8 and nothing is lost.
    @Test(arguments: ["é", "日本", "🐍 snake", "a€b", "plain ascii"])
    func everySplitKeepsCharactersWhole(_ text: String) {
        let bytes = Array(text.utf8)
        for cut in 0...bytes.count {
            var aligner = UTF8ChunkAligner()
            let first = aligner.align(Array(bytes[..<cut]))
            let second = aligner.align(Array(bytes[cut...]))
            let rest = aligner.flush()
            #expect(String(validating: first, as: UTF8.self) != nil, "cut \(cut) of \(text): \(first)")
            #expect(String(validating: second, as: UTF8.self) != nil, "cut \(cut) of \(text): \(second)")
            #expect(first + second + rest == bytes)
            #expect(rest.isEmpty)
        }
    }

    @Test func byteByByteStreamReassembles() {
        let bytes = Array("ñ→🐍!".utf8)
        var aligner = UTF8ChunkAligner()
        var emitted: [[UInt8]] = []
        for byte in bytes { emitted.append(aligner.align([byte])) }
        #expect(emitted.joined().elementsEqual(bytes))
        #expect(emitted.allSatisfy { String(validating: $0, as: UTF8.self) != nil })
    }

    @Test func invalidBytesPassThroughUntouched() {
        var aligner = UTF8ChunkAligner()
        #expect(aligner.align([0x41, 0xFF, 0x80, 0x42]) == [0x41, 0xFF, 0x80, 0x42])
        // A truncated character at the very end is only held until flush.
        #expect(aligner.align([0x43, 0xE2, 0x82]) == [0x43])
        #expect(aligner.flush() == [0xE2, 0x82])
    }
}
