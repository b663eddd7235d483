import BigInt
import Testing
@testable import PythonInterpreter

/// Float, format-spec and `%` formatting against tables recorded from real MicroPython.
@Suite struct EnginesFormattingTests {
    @Test func floatReprAndPrintfMatchMicroPython() throws {
        var failures: [String] = []
        for row in try EngineFixtures.lines("floats.txt") {
            guard let value = Double(row[1]) else {
                failures.append("unparsable \(row[1])")
                continue
            }
            if row[0] == "R" {
                let got = FloatFormatter.repr(value)
                if got != row[2] { failures.append("repr(\(row[1])): got \(got) want \(row[2])") }
            } else {
                var spec = Array(row[2].dropFirst())
                var sign: Character?
                if spec.first == "+" || spec.first == " " { sign = spec.removeFirst() }
                let style = spec.removeLast()
                let precision = spec.first == "." ? Int(String(spec.dropFirst())) : nil
                let got = FloatFormatter.format(value, style: style, precision: precision, sign: sign)
                if got != row[3] { failures.append("\(row[2]) % \(row[1]): got \(got) want \(row[3])") }
            }
        }
        #expect(failures.isEmpty, Comment(rawValue: "\(failures.count) mismatches:\n" + failures.prefix(40).joined(separator: "\n")))
    }

    @Test func formatSpecMatchesMicroPython() throws {
        var failures: [String] = []
        for row in try EngineFixtures.lines("specs.txt") {
            let result: String
            do {
                let spec = try FormatSpecification(parsing: row[2])
                switch row[0] {
                case "f":
                    if row[2].isEmpty { result = FloatFormatter.repr(Double(row[1])!) } else {
                        result = try spec.format(float: Double(row[1])!)
                    }
                case "i": result = try spec.format(integer: BigInt(row[1])!)
                default: result = try spec.format(string: row[1])
                }
            } catch {
                result = "!\(error.kind.rawValue): \(error.message)"
            }
            if result != row[3] { failures.append("'{:\(row[2])}'.format(\(row[1])): got \(result) want \(row[3])") }
        }
        #expect(failures.isEmpty, Comment(rawValue: "\(failures.count) mismatches:\n" + failures.prefix(40).joined(separator: "\n")))
    }

    enum Value {
        case int(BigInt), float(Double), str(String)
    }

    static var conversions: PercentConversions<Value> { PercentConversions<Value>(
        str: { value in
            switch value {
            case .int(let number): return number.description
            case .float(let number): return FloatFormatter.repr(number)
            case .str(let text): return text
            }
        },
        repr: { value in
            switch value {
            case .int(let number): return number.description
            case .float(let number): return FloatFormatter.repr(number)
            case .str(let text): return "'\(text)'"
            }
        },
        number: { value in
            switch value {
            case .int(let number): return .integer(number)
            case .float(let number): return .float(number)
            case .str: return .other(typeName: "str")
            }
        },
        string: { value in
            if case .str(let text) = value { return text }
            return nil
        })
    }

    @Test func percentFormattingMatchesMicroPython() throws {
        var failures: [String] = []
        for row in try EngineFixtures.lines("pct.txt", separator: "\t") {
            let value: Value
            switch row[0] {
            case "i": value = .int(BigInt(row[1])!)
            case "f": value = .float(Double(row[1])!)
            default: value = .str(EngineFixtures.unquote(row[1]))
            }
            let result: String
            do {
                result = try PercentFormatter.format(row[2], .single(value), Self.conversions)
            } catch let error as EngineError {
                result = "!\(error.kind.rawValue): \(error.message)"
            }
            if result != row[3] { failures.append("'\(row[2])' % \(row[1]): got \(result) want \(row[3])") }
        }
        #expect(failures.isEmpty, Comment(rawValue: "\(failures.count) mismatches:\n" + failures.prefix(40).joined(separator: "\n")))
    }

    @Test func percentArgumentErrors() throws {
        let two: PercentArguments<Value> = .tuple([.int(1), .int(2)])
        #expect(throws: EngineError(.typeError, "format string didn't convert all arguments")) {
            try PercentFormatter.format("%d", two, Self.conversions)
        }
        #expect(throws: EngineError(.typeError, "format string needs more arguments")) {
            try PercentFormatter.format("%d %d %d", two, Self.conversions)
        }
        #expect(try PercentFormatter.format("%*d|%-*d|", .tuple([.int(4), .int(3), .int(3), .int(1)]), Self.conversions) == "   3|1  |")
        #expect(try PercentFormatter.format("%.*f", .tuple([.int(2), .float(3.14159)]), Self.conversions) == "3.14")
        let mapping: PercentArguments<Value> = .mapping(.str("{}"), lookup: { key in
            if key == "a" { return .int(1) }
            throw EngineError(.keyError, key)
        })
        #expect(try PercentFormatter.format("%(a)s-%(a)05d", mapping, Self.conversions) == "1-00001")
        #expect(throws: EngineError(.keyError, "b")) { try PercentFormatter.format("%(b)s", mapping, Self.conversions) }
        #expect(throws: EngineError(.typeError, "format needs a dict")) { try PercentFormatter.format("%(a)s", two, Self.conversions) }
        #expect(throws: EngineError(.valueError, "incomplete format key")) { try PercentFormatter.format("%(a", mapping, Self.conversions) }
    }

    @Test func hugeWidthsFailLikeAnExhaustedHeap() throws {
        #expect(throws: FormatSpecification.tooWide) { try FormatSpecification(parsing: "1000000000") }
        #expect(throws: FormatSpecification.tooWide) {
            try PercentFormatter.format("%*d", .tuple([.int(1 << 40), .int(1)]), Self.conversions)
        }
        #expect(try FormatSpecification(parsing: "010,").format(integer: 1234) == "00,001,234")
    }

    @Test func formatStringFieldsAndErrors() throws {
        let arguments = ["1", "5"]
        func render(_ template: String) throws -> String {
            try FormatString.render(template) { name, conversion, spec in
                guard case .index(let index) = name else { throw EngineError(.keyError, "\(name)") }
                guard index < arguments.count else { throw EngineError(.indexError, "tuple index out of range") }
                let text = conversion == "r" ? "'\(arguments[index])'" : arguments[index]
                return try FormatSpecification(parsing: spec).format(string: text)
            }
        }
        #expect(try render("{0}{1}{0}") == "151")
        #expect(try render("{:>{}}|") == "    1|")
        #expect(try render("a}}b{{") == "a}b{")
        #expect(try render("{0!r:>5}") == "  '1'")
        #expect(throws: EngineError(.valueError, "unmatched '{' in format")) { try render("{") }
        #expect(throws: EngineError(.valueError, "single '}' encountered in format string")) { try render("}") }
        #expect(throws: EngineError(.valueError, "unknown conversion specifier x")) { try render("{0!x}") }
        #expect(throws: EngineError(.valueError, "expected ':' after format specifier")) { try render("{0!rr}") }
        #expect(throws: EngineError(.valueError, "can't switch from manual field specification to automatic field numbering")) {
            try render("{0}{}")
        }
        #expect(throws: EngineError(.valueError, "can't switch from automatic field numbering to manual field specification")) {
            try render("{}{0}")
        }
        #expect(throws: EngineError(.notImplemented, "attributes not supported")) { try render("{0.real}") }
    }
}
