import BigInt
import Testing
@testable import PythonInterpreter

/// JSON, struct, binascii, hashlib, deflate and random engines against real MicroPython output.
@Suite struct EnginesDataTests {
    static let syntax = JSONParser.syntaxError

    @Test func jsonParsesLikeMicroPython() throws {
        #expect(try JSONParser.parse(#"{"a": [1, 2.5, -3e2, true, false, null, "x\u00e9\n"]}"#) == .object([
            JSONMember(key: .string("a"), value: .array([
                .integer(1), .float(2.5), .float(-300), .bool(true), .bool(false), .null, .string("xé\n"),
            ])),
        ]))
        #expect(try JSONParser.parse("12345678901234567890123") == .integer(BigInt("12345678901234567890123")))
        #expect(try JSONParser.parse("[1 2]") == .array([.integer(1), .integer(2)]))
        #expect(try JSONParser.parse("[1,]") == .array([.integer(1)]))
        #expect(try JSONParser.parse("[:]") == .array([]))
        #expect(try JSONParser.parse(#"{"a" 1}"#) == .object([JSONMember(key: .string("a"), value: .integer(1))]))
        #expect(try JSONParser.parse(#"{"a"}"#) == .object([]))
        #expect(try JSONParser.parse(#"{"a":1:2}"#) == .object([JSONMember(key: .string("a"), value: .integer(1))]))
        #expect(try JSONParser.parse("{1:2}") == .object([JSONMember(key: .integer(1), value: .integer(2))]))
        #expect(try JSONParser.parse("01") == .integer(1))
        #expect(try JSONParser.parse("1.") == .float(1))
        #expect(try JSONParser.parse("1e400") == .float(.infinity))
        #expect(try JSONParser.parse(#""\x\/""#) == .string("x/"))
        #expect(try JSONParser.parse(#""\ud83d\ude00""#) == .string("😀"))
        for bad in ["tru", "", "  ", "\"abc", "'a'", "NaN", ".5", "[1] x", "1 2", "Infinity", "[1]]", "nulll", "{[1]:2}", ",", "+1", "0x10"] {
            #expect(throws: Self.syntax, "\(bad)") { try JSONParser.parse(bad) }
        }
        #expect(throws: EngineError(.valueError, "invalid syntax for integer with base 10: ''")) { try JSONParser.parse("-") }
        #expect(throws: EngineError(.valueError, "invalid syntax for integer with base 10: '1-2'")) { try JSONParser.parse("1-2") }
        #expect(throws: EngineError(.valueError, "invalid syntax for integer with base 10: '-1'")) { try JSONParser.parse("--1") }
        #expect(throws: EngineError(.valueError, "invalid syntax for number")) { try JSONParser.parse("2.5e") }
        #expect(throws: EngineError(.valueError, "invalid syntax for number")) { try JSONParser.parse("[1.5.5]") }
    }

    @Test func jsonWritesLikeMicroPython() {
        let value = JSONValue.object([
            JSONMember(key: .string("a"), value: .array([
                .integer(1), .float(2.5), .null, .bool(true), .bool(false), .string("x\"\\\n\té\u{1}\u{7f}"),
            ])),
            JSONMember(key: .integer(1), value: .float(1e20)),
            JSONMember(key: .null, value: .float(-0.0)),
        ])
        #expect(JSONWriter().write(value) == "{\"a\": [1, 2.5, null, true, false, \"x\\\"\\\\\\n\\té\\u0001\u{7f}\"], \"1\": 1e+20, \"null\": -0.0}")
        #expect(JSONWriter(itemSeparator: ",", keySeparator: ":").write(.array([.integer(1), .object([JSONMember(key: .string("a"), value: .integer(2))])])) == #"[1,{"a":2}]"#)
    }

    @Test func structSizesAndErrors() throws {
        let sizes: [(String, Int)] = [
            ("b", 1), ("h", 2), ("i", 4), ("l", 8), ("<l", 4), ("q", 8), ("f", 4), ("d", 8), ("s", 1), ("P", 8), ("<P", 8),
            ("x", 1), ("e", 2), ("<hb", 3), ("3s", 3), ("0s", 0), ("bi", 8), ("@bq", 16), ("<bq", 9), ("10x", 10),
            ("2x3b", 5), ("", 0), ("b0H", 1), ("3b0q", 3), ("0s1s0H2H", 6), ("x0d", 1), ("@bd", 16), ("@hi", 8), ("@bhd", 16), ("@bf", 8), ("@b3s", 4), ("@be", 4), ("@b2h", 6), ("@hb", 3),
        ]
        for (format, size) in sizes {
            #expect(try StructLayout(format: format).size == size, "\(format)")
        }
        #expect(throws: EngineError(.memoryError, "memory allocation failed")) { try StructLayout(format: "9999999q") }
        for bad in ["?", "n", "=hb", "z", "<<h", "h<", " h", "3"] {
            #expect(throws: StructLayout.badTypecode, "\(bad)") { try StructLayout(format: bad) }
        }
    }

    @Test func structPackAndUnpack() throws {
        func pack(_ format: String, _ values: [StructArgument]) throws -> [UInt8] { try StructLayout(format: format).pack(values) }
        #expect(try pack("<h", [.integer(1)]) == [1, 0])
        #expect(try pack("<b", [.integer(200)]) == [0xC8])
        #expect(try pack("<B", [.integer(-1)]) == [0xFF])
        #expect(try pack("<B", [.integer(256)]) == [0])
        #expect(try pack(">i", [.integer(-2)]) == [0xFF, 0xFF, 0xFF, 0xFE])
        #expect(try pack("<Q", [.integer(BigInt(2).power(64))]) == [UInt8](repeating: 0, count: 8))
        #expect(try pack("<f", [.float(1.5)]) == [0, 0, 0xC0, 0x3F])
        #expect(try pack(">d", [.float(0.1)]) == [0x3F, 0xB9, 0x99, 0x99, 0x99, 0x99, 0x99, 0x9A])
        #expect(try pack("<3s", [.bytes(Array("abcdef".utf8))]) == Array("abc".utf8))
        #expect(try pack("<5s", [.bytes(Array("ab".utf8))]) == Array("ab".utf8) + [0, 0, 0])
        #expect(try pack("<h", []) == [0, 0])
        #expect(try pack("<h", [.integer(1), .integer(2)]) == [1, 0])
        #expect(try pack("@bi", [.integer(1), .integer(2)]) == [1, 0, 0, 0, 2, 0, 0, 0])
        #expect(try pack(">e", [.float(1.5)]) == [0x3E, 0])
        #expect(try pack("<e", [.float(65504)]) == [0xFF, 0x7B])
        #expect(throws: EngineError(.typeError, "can't convert float to int")) { try pack("<h", [.float(1.5)]) }
        #expect(throws: EngineError(.typeError, "can't convert str to int")) { try pack("<h", [.text(Array("a".utf8))]) }
        #expect(try pack("<2s", [.text(Array("ab".utf8))]) == Array("ab".utf8))
        #expect(throws: EngineError(.typeError, "can't convert str to float")) { try pack("<d", [.other(typeName: "str")]) }
        #expect(throws: EngineError(.typeError, "object with buffer protocol required")) { try pack("<s", [.integer(5)]) }

        #expect(try StructLayout(format: "<hH").unpack([0xFF, 0xFF, 0xFF, 0xFF]) == [.integer(-1), .integer(65535)])
        #expect(try StructLayout(format: ">q").unpack([0x80, 0, 0, 0, 0, 0, 0, 0]) == [.integer(BigInt(Int64.min))])
        #expect(try StructLayout(format: "<3sb").unpack(Array("abc".utf8) + [5]) == [.bytes(Array("abc".utf8)), .integer(5)])
        #expect(try StructLayout(format: "<f").unpack(pack("<f", [.float(0.1)])) == [.float(0.10000000149011612)])
        #expect(try StructLayout(format: "<e").unpack([0, 0x3C]) == [.float(1)])
        #expect(try StructLayout(format: "<h").unpack([1, 2, 3]) == [.integer(513)])
        #expect(try StructLayout(format: "<h").unpack([0, 1, 2], at: 1) == [.integer(513)])
        #expect(try StructLayout(format: "<h").unpack([0, 1, 2, 3], at: -2) == [.integer(770)])
        #expect(throws: EngineError(.valueError, "buffer too small")) { try StructLayout(format: "<h").unpack([1]) }
        #expect(throws: EngineError(.valueError, "buffer too small")) { try StructLayout(format: "<h").unpack([0, 1, 2, 3], at: -5) }

        var buffer = [UInt8](repeating: 0, count: 6)
        try StructLayout(format: "<hh").pack([.integer(1), .integer(2)], into: &buffer, at: 1)
        #expect(buffer == [0, 1, 0, 2, 0, 0])
        try StructLayout(format: "<h").pack([.integer(7)], into: &buffer, at: -2)
        #expect(buffer == [0, 1, 0, 2, 7, 0])
        #expect(throws: EngineError(.valueError, "buffer too small")) {
            try StructLayout(format: "<h").pack([.integer(7)], into: &buffer, at: 5)
        }
    }

    @Test func binasciiMatchesMicroPython() throws {
        func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
        #expect(text(Binascii.hexlify([1, 0xAB])) == "01ab")
        #expect(text(Binascii.hexlify([1, 0xAB, 0xFF], separator: Array(":".utf8))) == "01:ab:ff")
        #expect(text(Binascii.hexlify(Array("ab".utf8), separator: Array("--".utf8))) == "61-62")
        #expect(Binascii.hexlify(Array("ab".utf8), separator: []) == Array("61".utf8) + [0] + Array("62".utf8))
        #expect(try Binascii.unhexlify(Array("01aB".utf8)) == [1, 0xAB])
        for bad in ["0", "zz", "0g", "012"] {
            #expect(throws: EngineError(.valueError, "non-hex digit")) { try Binascii.unhexlify(Array(bad.utf8)) }
        }
        #expect(text(Binascii.b2aBase64(Array("hello".utf8))) == "aGVsbG8=\n")
        #expect(text(Binascii.b2aBase64(Array("hello".utf8), newline: false)) == "aGVsbG8=")
        #expect(text(Binascii.b2aBase64([])) == "\n")
        let decodes: [(String, String)] = [
            ("aGVsbG8=", "hello"), ("aGVs\nbG8=", "hello"), ("aGVsbG8==x", "hello"), ("!!!!", ""), ("aGV*sbG8=", "hello"),
            ("====", ""), ("YQ==", "a"), ("YQ===", "a"), ("Y Q = =", "a"), ("YWJj", "abc"), ("", ""),
        ]
        for (input, output) in decodes {
            #expect(try text(Binascii.a2bBase64(Array(input.utf8))) == output, "\(input)")
        }
        for bad in ["a", "aGVsbG8", "ab=c", "YQ=", "YQ"] {
            #expect(throws: EngineError(.valueError, "incorrect padding"), "\(bad)") { try Binascii.a2bBase64(Array(bad.utf8)) }
        }
        #expect(Binascii.crc32(Array("hello".utf8)) == 907_060_870)
        #expect(Binascii.crc32(Array("world".utf8), start: Binascii.crc32(Array("hello ".utf8))) == 222_957_957)
        #expect(Binascii.crc32([]) == 0)
        #expect(Binascii.crc32(Array("a".utf8), start: 0xFFFF_FFFF) == 3_310_005_809)
    }

    @Test func hashesDigestOnce() throws {
        var hash = HashState(.sha256)
        try hash.update(Array("a".utf8))
        try hash.update(Array("bc".utf8))
        #expect(try Binascii.hexlify(hash.digest()) == Array("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad".utf8))
        #expect(throws: EngineError(.valueError, "hash is final")) { try hash.update([1]) }
        #expect(throws: EngineError(.valueError, "hash is final")) { try hash.digest() }
        var sha1 = HashState(.sha1)
        try sha1.update(Array("abc".utf8))
        #expect(try Binascii.hexlify(sha1.digest()) == Array("a9993e364706816aba3e25717850c26c9cd0d89d".utf8))
        var md5 = HashState(.md5)
        try md5.update(Array("abc".utf8))
        #expect(try Binascii.hexlify(md5.digest()) == Array("900150983cd24fb0d6963f7d28e17f72".utf8))
    }

    @Test func inflateFormatsAndErrors() throws {
        let raw: [UInt8] = [0x4B, 0x4C, 0x4A, 0x06, 0x00]
        let zlib: [UInt8] = [0x78, 0x9C, 0x4B, 0x4C, 0x4A, 0x06, 0x00, 0x02, 0x4D, 0x01, 0x27]
        let gzip: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 0x4B, 0x4C, 0x4A, 0x06, 0x00, 0xC2, 0x41, 0x24, 0x35, 3, 0, 0, 0]
        let cases: [([UInt8], DeflateFormat, Bool)] = [
            (raw, .auto, false), (raw, .raw, true), (raw, .zlib, false), (raw, .gzip, false),
            (zlib, .auto, true), (zlib, .raw, false), (zlib, .zlib, true), (zlib, .gzip, false),
            (gzip, .auto, true), (gzip, .raw, false), (gzip, .zlib, false), (gzip, .gzip, true),
        ]
        for (data, format, works) in cases {
            let inflater = try Inflater(format: format)
            if works {
                let result = try inflater.decompress(data)
                #expect(result.output == Array("abc".utf8))
                #expect(inflater.isFinished)
            } else {
                #expect(throws: Inflater.corrupt, "\(format)") { try inflater.decompress(data) }
            }
        }
        let truncated = try Inflater(format: .auto)
        let partial = try truncated.decompress(Array(zlib.prefix(7)))
        #expect(!truncated.isFinished && partial.consumed == 7)
        // Streams compressed with a small window decode too (MicroPython does not check headers).
        let far: [UInt8] = Array("hello".utf8) + [UInt8](repeating: 0, count: 2000) + Array("hello".utf8)
        let deflater = try Deflater(format: .zlib, window: 10)
        let farStream = deflater.compress(far) + deflater.finish()
        #expect(farStream[0] == 0x28)
        #expect(try Inflater(format: .zlib).decompress(farStream).output == far)
        #expect(try Inflater(format: .auto).decompress(farStream).output == far)
        let trailing = try Inflater(format: .zlib)
        let result = try trailing.decompress(zlib + Array("junk".utf8))
        #expect(result.output == Array("abc".utf8) && result.consumed == zlib.count)
    }

    @Test func deflateRoundTrips() throws {
        let text = Array(String(repeating: "hello board ", count: 200).utf8)
        for format in [DeflateFormat.raw, .zlib, .gzip] {
            let deflater = try Deflater(format: format, window: 0)
            let compressed = deflater.compress(Array(text[..<1000])) + deflater.compress(Array(text[1000...])) + deflater.finish()
            #expect(compressed.count < text.count / 5)
            let inflater = try Inflater(format: format)
            #expect(try inflater.decompress(compressed).output == text)
        }
    }

    @Test func yasmarangMatchesMicroPythonSequence() throws {
        var random = Yasmarang(seed: 1)
        #expect(try random.bits(32) == 2_002_244)
        #expect(try random.bits(32) == 1_862_853_106)
        #expect(try random.bits(8) == 94)
        #expect(random.unit() == 0.9893464022463048)
        #expect(try random.range(start: 10, stop: nil, step: nil) == 6)
        #expect(try random.range(start: 1, stop: 7, step: nil) == 4)
        #expect(1 + (2 - 1) * random.unit() == 1.3494687746691578)
        #expect(random.below(3) == 0)
        random.seed(0)
        #expect(try random.bits(32) == 2_002_156)
        #expect(throws: EngineError(.valueError, "bits must be 32 or less")) { try random.bits(33) }
        #expect(throws: EngineError(.valueError, "")) { try random.range(start: 0, stop: nil, step: nil) }
        #expect(throws: EngineError(.valueError, "")) { try random.range(start: 5, stop: 1, step: nil) }
        #expect(throws: EngineError(.valueError, "")) { try random.range(start: 1, stop: 10, step: 0) }
        _ = try random.range(start: Int.min, stop: Int.max, step: nil)
        _ = try? random.range(start: Int.min, stop: Int.max, step: -1)
        for _ in 0..<50 {
            let value = try random.range(start: 10, stop: 0, step: -2)
            #expect([10, 8, 6, 4, 2].contains(value))
        }
    }
}
