import Testing
@testable import PythonInterpreter

/// The formatting bridge over interpreter values, against outputs of real `micropython`.
@Suite struct EnginesBridgeTests {
    func text(_ value: Value) -> String? { value.stringValue }

    @Test func percentOverValues() throws {
        #expect(text(try MicroPythonFormatting.percentFormat("%5.1f%%|%d|%s", .makeTuple([.float(50), .bool(true), .none]))) == " 50.0%|1|None")
        #expect(text(try MicroPythonFormatting.percentFormat("%s", .makeList([.int(1)]))) == "[1]")
        #expect(text(try MicroPythonFormatting.percentFormat("%(a)s-%(b)05.1f", .makeDict([("a", .int(1)), ("b", .float(2.25))]))) == "1-002.3")
        #expect(text(try MicroPythonFormatting.percentFormat("%.0f %.1f", .makeTuple([.float(0.5), .float(0.25)]))) == "1 0.3")
        #expect(throws: (any Error).self) { try MicroPythonFormatting.percentFormat("%d", .string("a")) }
    }

    @Test func percentOverBytes() throws {
        let result = try MicroPythonFormatting.percentFormatBytes(Array("%s %d %x %r|%5s|\u{FF}".utf8), .makeTuple([
            .makeBytes(Array("ab".utf8)), .int(3), .int(255), .makeBytes(Array("q".utf8)), .string("é"),
        ]))
        #expect(result.bytesValue == Array("ab 3 ff b'q'|   é|\u{FF}".utf8))
        #expect(try MicroPythonFormatting.percentFormatBytes(Array("%d-%s".utf8), .makeTuple([.int(5), .makeBytes([0xFF])])).bytesValue
            == Array("5-".utf8) + [0xFF])
    }

    @Test func formatValueAndStrFormat() throws {
        #expect(try MicroPythonFormatting.formatValue(.float(1.0), "10") == "         1")
        #expect(try MicroPythonFormatting.formatValue(.bool(true), "5") == "    1")
        #expect(try MicroPythonFormatting.formatValue(.bool(true), "") == "True")
        #expect(try MicroPythonFormatting.formatValue(.int(1234567), ",") == "1,234,567")
        #expect(throws: (any Error).self) { try MicroPythonFormatting.formatValue(.makeList([.int(1)]), ">5") }
        #expect(try MicroPythonFormatting.formatValue(.makeBytes(Array("ab".utf8)), ">5") == "   ab")
        #expect(try MicroPythonFormatting.formatValue(.int(300), "c") == ",")
        #expect(try MicroPythonFormatting.formatValue(.int(255), "c") == "\u{0}")
        #expect(try MicroPythonFormatting.strFormat("{0}{1}{0}|{a!r}|{1:>{1}}", [.string("x"), .int(3)], [("a", .string("q"))]) == "x3x|'q'|  3")
        #expect(try MicroPythonFormatting.strFormat("{:{}}|", [.int(1), .int(5)], []) == "    1|")
        #expect(throws: (any Error).self) { try MicroPythonFormatting.strFormat("{5}", [], []) }
        #expect(MicroPythonFormatting.floatRepr(0.1 + 0.2) == "0.30000000000000004")
        #expect(MicroPythonFormatting.floatRepr(1e16) == "1e+16")
    }
}
