import Foundation
import Testing
import PythonInterpreter

/// Lexer, parser and compiler errors: the exception type, MicroPython's message, and the
/// traceback line that names where the problem is.
@Suite("Syntax errors")
struct SyntaxErrorTests {
    func failure(_ source: String) -> PythonError? {
        let folder = FileManager.default.temporaryDirectory
        let host = CapturingHost(fileSystem: HostFolderFileSystem(root: folder.path))
        let interpreter = Interpreter(configuration: InterpreterConfiguration(host: host))
        if case .exception(let e) = interpreter.run(source: source, filename: "s.py") { return e }
        return nil
    }

    @Test("messages and types match MicroPython", arguments: [
        ("x = (1, 2 +", "SyntaxError", "invalid syntax"),
        ("def f(:\n    pass", "SyntaxError", "invalid syntax"),
        ("if True:\nprint(1)", "SyntaxError", "invalid syntax"),
        ("  x = 1", "IndentationError", "unexpected indent"),
        ("if 1:\n    a = 1\n  b = 2", "IndentationError", "unindent doesn't match any outer indent level"),
        ("return 5", "SyntaxError", "'return' outside function"),
        ("break", "SyntaxError", "'break'/'continue' outside loop"),
        ("f(x=1, 2)", "SyntaxError", "positional arg after keyword arg"),
        ("\"abc", "SyntaxError", "invalid syntax"),
        ("def f(a, a): pass", "SyntaxError", "argument name reused"),
        ("1 = x", "SyntaxError", "can't assign to expression"),
        ("def f(a=1, b): pass", "SyntaxError", "non-default argument follows default argument"),
        ("del 1", "SyntaxError", "can't delete expression"),
        ("nonlocal x", "SyntaxError", "can't declare nonlocal in outer code"),
        ("f'{}'", "SyntaxError", "malformed f-string"),
        ("x = 1 +", "SyntaxError", "invalid syntax"),
        ("class", "SyntaxError", "invalid syntax"),
    ])
    func syntaxErrors(_ source: String, _ type: String, _ message: String) throws {
        let e = try #require(failure(source), "expected \(type) for \(source.debugDescription)")
        #expect(e.typeName == type)
        #expect(e.message == message)
        #expect(e.traceback.hasPrefix("Traceback (most recent call last):\n  File \"s.py\", line "))
        #expect(e.traceback.hasSuffix("\(type): \(message)\n"))
    }

    @Test("parse errors name no scope, compile errors name <module>")
    func scopeInTraceback() throws {
        let parse = try #require(failure("x = = 1"))
        #expect(parse.traceback == "Traceback (most recent call last):\n  File \"s.py\", line 1\nSyntaxError: invalid syntax\n")
        let compile = try #require(failure("\n\nreturn 1"))
        #expect(compile.traceback == "Traceback (most recent call last):\n  File \"s.py\", line 3, in <module>\nSyntaxError: 'return' outside function\n")
    }

    @Test("valid programs using every literal form parse")
    func literalsParse() {
        let src = "a = 0x1F + 0o17 + 0b101 + 1_000 + 1.5e3 + 2j.imag\nb = b'\\x00' + rb'\\n'\nc = f'{a!r:>10}' + r'\\d' + '''t\n'''\n"
        #expect(failure(src) == nil)
    }

    @Test("REPL continuation rules")
    func needsMoreInput() {
        #expect(Interpreter.needsMoreInput("if x:"))
        #expect(Interpreter.needsMoreInput("def f():\n    return 1"))
        #expect(!Interpreter.needsMoreInput("def f():\n    return 1\n"))
        #expect(Interpreter.needsMoreInput("x = (1,"))
        #expect(Interpreter.needsMoreInput("s = '''abc"))
        #expect(Interpreter.needsMoreInput("x = 1 + \\"))
        #expect(!Interpreter.needsMoreInput("x = 1"))
        #expect(!Interpreter.needsMoreInput("print('a:')"))
        #expect(Interpreter.needsMoreInput("@decorator"))
    }
}
