import Testing
@testable import PythonInterpreter

/// MicroPython `re` behaviour; every expectation was observed on real `micropython` 1.29.
@Suite struct EnginesRegexTests {
    func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    func group(_ pattern: String, _ subject: String, _ number: Int = 0, search: Bool = false) throws -> String? {
        let regex = try RegexEngine(pattern: bytes(pattern))
        let subjectBytes = bytes(subject)
        guard let found = search ? try regex.search(subjectBytes) : try regex.match(subjectBytes),
            let range = found.range(number)
        else { return nil }
        return String(decoding: subjectBytes[range], as: UTF8.self)
    }

    @Test func matchesTheSupportedSyntax() throws {
        #expect(try group("(a+)(b*)", "aabbc") == "aabb")
        #expect(try group("(a+)(b*)", "aabbc", 1) == "aa")
        #expect(try group("(a+)(b*)", "aabbc", 2) == "bb")
        #expect(try group(#"\d+"#, "ab123cd", search: true) == "123")
        #expect(try group("x", "abc", search: true) == nil)
        #expect(try group("b", "abc") == nil)
        #expect(try group("a|ab", "ab") == "a")
        #expect(try group("(a|ab)c", "abc", 1) == "ab")
        #expect(try group("a*?b", "aab") == "aab")
        #expect(try group("a+?", "aaa") == "a")
        #expect(try group("a??b", "ab") == "ab")
        #expect(try group("a??", "a") == "")
        #expect(try group("(?:ab)+", "ababc") == "abab")
        #expect(try group("[^a-z]+", "AB1c") == "AB1")
        #expect(try group(#"\w+"#, "ab_9!") == "ab_9")
        #expect(try group(#"[\w.]+"#, "a.b c") == "a.b")
        #expect(try group("[a-c-e]+", "ae-d") == "ae-")
        #expect(try group("[a-]+", "a-a") == "a-a")
        #expect(try group(#"[\]]"#, "]") == "]")
        #expect(try group("(a|b)*c", "abac") == "abac")
        #expect(try group("$", "ab", search: true) == "")
        #expect(try group("a$", "a\n") == nil)
        #expect(try group("^b", "a\nb", search: true) == nil)
        #expect(try group(".", "\n") == "\n")
        #expect(try group("a|", "b") == "")
    }

    @Test func escapesOtherThanClassesAreLiterals() throws {
        #expect(try group("a{2,3}", "aaaa") == nil)
        #expect(try group("a{2,3}", "a{2,3}") == "a{2,3}")
        #expect(try group(#"\x41"#, "x41") == "x41")
        #expect(try group(#"\n"#, "n") == "n")
        #expect(try group(#"\1"#, "1") == "1")
        #expect(try group(#"a\b"#, "ab") == "ab")
        #expect(try group(#"\bb"#, "a b", search: true) == nil)
        #expect(try group("[]a]+", "]a]") == nil)
        #expect(try group(#"[^\n]+"#, "ab\n") == "ab\n")
    }

    @Test func capturesKeepTheLastIteration() throws {
        #expect(try group("((a)|b)+", "ab", 1) == "b")
        #expect(try group("((a)|b)+", "ab", 2) == "a")
        #expect(try group("(a)|(b)", "b", 1) == nil)
        #expect(try group("(a)(b)?", "ac", 2) == nil)
    }

    @Test func syntaxErrorsUseMicroPythonMessages() {
        for pattern in ["(?P<n>a)", "(?=a)", "a**", "a*+", "(", "[", "[a", "\\", "a\\", "?", "*a", "+", "a|*", "(?i)a"] {
            #expect(throws: EngineError(.valueError, "regex too complex"), "\(pattern)") { try RegexEngine(pattern: bytes(pattern)) }
        }
        #expect(throws: EngineError(.valueError, "error in regex")) { try RegexEngine(pattern: bytes(")")) }
        #expect(throws: EngineError(.valueError, "regex too complex")) {
            try RegexEngine(pattern: bytes(String(repeating: "(", count: 300) + "a" + String(repeating: ")", count: 300)))
        }
    }

    @Test func emptyLoopsTerminateAndRunawayPatternsRaise() throws {
        // MicroPython raises as soon as a loop body matches nothing and would loop again.
        for pattern in ["(a*)*b", "(a|)*c", "(a|b?)*", "(a*)+", "(a?)*c", "(?:a*)*"] {
            #expect(throws: RegexEngine.tooManySteps, "\(pattern)") { try group(pattern, "abx") }
        }
        #expect(try group("(a*)*?", "abx") == "")
        #expect(try group("x(a*)*", "abx") == nil)
        #expect(try group("(a*)?", "abx") == "a")
        var regex = try RegexEngine(pattern: bytes("(a+)+b"))
        regex.stepLimit = 10_000
        #expect(throws: RegexEngine.tooManySteps) { try regex.match(bytes(String(repeating: "a", count: 30))) }
    }

    func sub(_ pattern: String, _ template: String, _ subject: String, count: Int = 0) throws -> String {
        let regex = try RegexEngine(pattern: bytes(pattern))
        let subjectBytes = bytes(subject)
        let result = try regex.substitute(subjectBytes, count: count) { found in
            try RegexEngine.expand(template: bytes(template), match: found, subject: subjectBytes)
        }
        return String(decoding: result, as: UTF8.self)
    }

    @Test func substituteFollowsMicroPython() throws {
        #expect(try sub(#"(\w)(\d)"#, #"\2\1"#, "a1 b2 c3") == "1a 2b 3c")
        #expect(try sub("a", "-", "banana", count: 2) == "b-n-na")
        #expect(try sub("a", #"\g<0>!"#, "a") == "a!")
        #expect(try sub("(a)", #"\g<1>x\\n\n"#, "a") == #"ax\nn"#)
        #expect(try sub("a", #"\0"#, "a") == "a")
        #expect(try sub("b*", "-", "abc") == "abc")
        #expect(try sub("", "-", "ab") == "ab")
        #expect(try sub("a|", "-", "ab") == "-b")
        #expect(try sub("(a)|b", #"[\1]"#, "ab") == "[a][]")
        #expect(throws: EngineError(.indexError, "2")) { try sub("(a)", #"\2"#, "a") }
        #expect(throws: EngineError(.indexError, "10")) { try sub("(a)", #"\10"#, "a") }
    }

    @Test func splitFollowsMicroPython() throws {
        func split(_ pattern: String, _ subject: String, _ maxSplit: Int = 0) throws -> [String] {
            try RegexEngine(pattern: bytes(pattern)).split(bytes(subject), maxSplit: maxSplit).map { String(decoding: $0, as: UTF8.self) }
        }
        #expect(try split(#",\s*"#, "a, b,c,  d") == ["a", "b", "c", "d"])
        #expect(try split(",", "a,b,c", 1) == ["a", "b,c"])
        #expect(try split("x*", "abc") == ["abc"])
        #expect(try split(#"\s+"#, " a  b ") == ["", "a", "b", ""])
        #expect(try split(",", "a,b,,c") == ["a", "b", "", "c"])
        #expect(try split(",", "") == [""])
        #expect(try split(",", "a,b", -1) == ["a", "b"])
        #expect(throws: EngineError(.notImplemented, "splitting with sub-captures")) { try split("(,)", "a,b") }
    }
}
