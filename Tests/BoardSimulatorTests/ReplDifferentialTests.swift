import Foundation
import Testing
@testable import BoardSimulator

/// Keystrokes typed at the friendly prompt of the simulator and of the real MicroPython unix
/// port (same readline and pyexec code as a board) must echo identical bytes.
@Suite("Friendly REPL echo, compared with real MicroPython")
struct ReplDifferentialTests {
    /// Keystroke scripts that execute nothing printing (the unix port's print uses bare `\n`).
    static let scripts: [[String]] = [
        ["abc\u{1B}[D\u{1B}[DX\u{1B}[C\u{7F}", "\u{1B}[H\u{1B}[F\u{1}\u{5}", "\u{2}\u{2}\u{6}\u{4}\u{B}", "\u{3}"],
        ["x = 1\r", "yy = 2\r", "\u{1B}[A", "\u{1B}[A", "\u{1B}[B", "\u{10}\u{E}\u{E}", "\u{3}"],
        ["if x:\r", "y = 3\r", "if y:\r", "z = 4\r", "\u{7F}\u{7F}", "\r", "\r"],
        ["def f():\r", "\t", " ", "return 1\r", "\r"],
        ["a = (1,\r", "2)\r", "long_name_value = 5\r", "lo\t", "\u{3}", "\u{1B}[1~\u{1B}[4~\u{1B}[3~\u{1B}OH\u{1B}OF", "\u{3}"],
        ["one two three\u{17}", "\u{1B}b\u{1B}f\u{1B}d", "\u{15}", "\u{3}"],
        ["\u{5}", "x = 5\r", "y = 6\r", "\u{4}", "\u{5}", "junk\u{3}"],
    ]

    @Test(arguments: 0..<scripts.count)
    func echoMatchesTheUnixPort(index: Int) throws {
        let script = Self.scripts[index]
        let micropython = try ToolProcess.find("micropython", hint: "run scripts/install-deps (the MicroPython unix port)")
        let python = try ToolProcess.find("python3", hint: "install python3")
        let reference = try Self.unixPortEcho(micropython: micropython, python: python, script: script)
        let board = try BoardHarness(engine: InterpreterEngine.factory)
        _ = try board.read(until: ">>> ", timeout: .seconds(10))
        var simulated: [UInt8] = []
        for keys in script {
            try board.send(keys)
            simulated += try board.drain(for: .milliseconds(250))
        }
        let ours = String(decoding: simulated, as: UTF8.self)
        #expect(ours == reference, "\nsim:  \(String(reflecting: ours))\nunix: \(String(reflecting: reference))")
    }

    /// Raw REPL and raw-paste exchanges (after the friendly banner), as tools drive them.
    static let rawScripts: [[String]] = [
        ["\r\u{1}", "print(1 + 1)\u{4}", "1/0\u{4}", "garbage\u{3}x = 7\u{4}", "print(x)\u{4}"],
        ["\r\u{1}", "\u{5}A\u{1}", "for i in range(3):\n    print(i)\n\u{4}", "\u{5}B\u{1}", "\u{5}A\u{1}", "import nosuchmodule\u{4}"],
        ["\r\u{1}", "\u{5}A\u{1}", "print('x' * 300)\n" + String(repeating: "# padding line to cross a window\n", count: 10) + "\u{4}"],
    ]

    @Test(arguments: 0..<rawScripts.count)
    func rawReplMatchesTheUnixPort(index: Int) throws {
        let script = Self.rawScripts[index]
        let micropython = try ToolProcess.find("micropython", hint: "run scripts/install-deps (the MicroPython unix port)")
        let python = try ToolProcess.find("python3", hint: "install python3")
        let reference = try Self.unixPortEcho(micropython: micropython, python: python, script: script)
        let board = try BoardHarness(engine: InterpreterEngine.factory)
        _ = try board.read(until: ">>> ", timeout: .seconds(10))
        var simulated: [UInt8] = []
        for keys in script {
            try board.send(keys)
            simulated += try board.drain(for: .milliseconds(250))
        }
        let ours = String(decoding: simulated, as: UTF8.self)
        #expect(ours.contains("raw REPL; CTRL-B to exit\r\n>"))
        #expect(ours == reference, "\nsim:  \(String(reflecting: ours))\nunix: \(String(reflecting: reference))")
    }

    /// Drives `micropython` on a pty; its terminal adds `\r` before each `\n`, which is undone.
    static func unixPortEcho(micropython: String, python: String, script: [String]) throws -> String {
        let hexScript = script.map { Array($0.utf8).map { String(format: "%02x", $0) }.joined() }.joined(separator: ",")
        let driver = """
            import os, pty, select, sys, time
            pid, fd = pty.fork()
            if pid == 0:
                os.execvp(sys.argv[1], [sys.argv[1]])
            out = b""
            def pump(t):
                global out
                end = time.time() + t
                while time.time() < end:
                    r, _, _ = select.select([fd], [], [], 0.05)
                    if r:
                        try:
                            out += os.read(fd, 4096)
                        except OSError:
                            return
            pump(1.0)
            out = b""
            for keys in sys.argv[2].split(","):
                os.write(fd, bytes.fromhex(keys))
                pump(0.25)
            os.kill(pid, 9)
            sys.stdout.write(out.replace(b"\\r\\r\\n", b"\\r\\n").hex())
            """
        let result = try ToolProcess.run(python, ["-c", driver, micropython, hexScript], timeout: 30)
        var bytes: [UInt8] = []
        var index = result.output.startIndex
        while index < result.output.endIndex {
            let next = result.output.index(index, offsetBy: 2)
            bytes.append(UInt8(result.output[index..<next], radix: 16) ?? 0)
            index = next
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
