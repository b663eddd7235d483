import Testing
@testable import BoardSimulator

@Suite("When the friendly REPL asks for more")
struct ReplContinuationTests {
    @Test(arguments: [
        ("x = 1", false),
        ("", false),
        ("if x:", true),
        ("for i in range(3): print(i)", true),
        ("for i in range(3): print(i)\n", false),
        ("def f():\n    return 1", true),
        ("def f():\n    return 1\n", false),
        ("iffy = 2", false),
        ("@decorator", true),
        ("print(1,", true),
        ("d = {'a': [1,", true),
        ("s = '('", false),
        ("s = '''abc", true),
        ("s = \"\"\"abc\"\"\"", false),
        ("x = 1 + \\", true),
        ("print(')')", false),
        ("s = 'it\\'s ('", false),
    ])
    func rule(input: String, expected: Bool) {
        #expect(ReplContinuation.needsMore(input) == expected, "\(input)")
    }
}
