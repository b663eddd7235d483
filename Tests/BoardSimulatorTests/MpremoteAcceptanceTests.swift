import Foundation
import Testing
@testable import BoardSimulator

/// The bar: the real mpremote (PyPI) drives `uremote sim serve` on a pty unchanged.
@Suite("mpremote against uremote sim serve", .serialized)
final class MpremoteAcceptanceTests {
    let scratch = NSTemporaryDirectory() + "uremote-mpremote-" + UUID().uuidString
    let served: ServedBoard
    let mpremote: String

    init() throws {
        mpremote = try ToolProcess.find("mpremote", hint: "run scripts/install-deps (pip install mpremote)")
        served = try ServedBoard(flash: scratch + "/flash")
    }

    deinit {
        served.stop()
        try? FileManager.default.removeItem(atPath: scratch)
    }

    /// Runs `mpremote connect PTY ARGS...` and returns its stdout, requiring success.
    private func mpremote(_ arguments: [String], directory: String? = nil) throws -> String {
        let result = try ToolProcess.run(mpremote, ["connect", served.path] + arguments,
                                         directory: directory, timeout: 60)
        #expect(result.status == 0, "mpremote \(arguments) failed: \(result.errors) \(result.output)")
        return result.output
    }

    @Test func execEvalAndRun() throws {
        #expect(try mpremote(["exec", "print(6 * 7)"]) == "42\r\n")
        #expect(try mpremote(["eval", "1 + 2"]) == "3\r\n")
        let script = scratch + "/script.py"
        try "for i in range(3):\n    print('line', i)\n".write(toFile: script, atomically: true, encoding: .utf8)
        #expect(try mpremote(["run", script]) == "line 0\r\nline 1\r\nline 2\r\n")
    }

    @Test func stateSurvivesBetweenConnectionsWithResume() throws {
        _ = try mpremote(["exec", "kept = 'yes'"])
        #expect(try mpremote(["resume", "eval", "kept"]) == "yes\r\n")
    }

    @Test func fileSystemCommands() throws {
        let local = scratch + "/data.txt"
        let content = (0..<200).map { "row \($0) of the test file\n" }.joined()
        try content.write(toFile: local, atomically: true, encoding: .utf8)
        _ = try mpremote(["fs", "mkdir", ":d"])
        _ = try mpremote(["fs", "cp", local, ":d/data.txt"])
        #expect(try String(contentsOfFile: served.flash + "/d/data.txt", encoding: .utf8) == content)
        #expect(try mpremote(["fs", "ls", ":d"]).contains("data.txt"))
        #expect(try mpremote(["fs", "cat", ":d/data.txt"]).replacingOccurrences(of: "\r\n", with: "\n") == content)
        let back = scratch + "/back.txt"
        _ = try mpremote(["fs", "cp", ":d/data.txt", back])
        #expect(try String(contentsOfFile: back, encoding: .utf8) == content)
        let sha = try mpremote(["fs", "sha256sum", ":d/data.txt"])
        let expected = try ToolProcess.run("/usr/bin/env", ["sha256sum", local]).output.prefix(64)
        #expect(sha.contains(expected))
        #expect(try mpremote(["fs", "tree", ":"]).contains("data.txt"))
        #expect(try mpremote(["df"]).contains("/"))
        _ = try mpremote(["fs", "rm", ":d/data.txt"])
        _ = try mpremote(["fs", "rmdir", ":d"])
        #expect(!FileManager.default.fileExists(atPath: served.flash + "/d"))
    }

    @Test func softResetClearsState() throws {
        #expect(try mpremote(["resume", "exec", "gone = 1", "+", "eval", "gone"]) == "1\r\n")
        let result = try ToolProcess.run(mpremote, ["connect", served.path, "resume", "exec", "gone = 1", "+",
                                                    "soft-reset", "+", "eval", "gone"], timeout: 60)
        #expect(result.status != 0)
        #expect((result.output + result.errors).contains("NameError"))
    }

    @Test func mountRunsHostModules() throws {
        let folder = scratch + "/project"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "print('hello from the host')\n".write(toFile: folder + "/mod.py", atomically: true, encoding: .utf8)
        let output = try mpremote(["mount", ".", "+", "exec", "import mod"], directory: folder)
        #expect(output.contains("hello from the host\r\n"))
    }

    @Test func replOverAPipedTerminal() throws {
        let python = try ToolProcess.find("python3", hint: "install python3")
        let driver = """
            import os, pty, select, sys, time
            pid, fd = pty.fork()
            if pid == 0:
                os.execvp(sys.argv[1], [sys.argv[1], "connect", sys.argv[2], "repl"])
            out = b""
            def pump(seconds):
                global out
                end = time.time() + seconds
                while time.time() < end:
                    ready, _, _ = select.select([fd], [], [], 0.05)
                    if ready:
                        try:
                            out += os.read(fd, 4096)
                        except OSError:
                            return
            pump(2)
            os.write(fd, b"print(6 * 7)\\r")
            pump(2)
            os.write(fd, b"\\x1d")
            pump(1)
            os.waitpid(pid, 0)
            sys.stdout.write(out.decode("utf-8", "replace"))
            """
        let result = try ToolProcess.run(python, ["-c", driver, mpremote, served.path], timeout: 30)
        #expect(result.output.contains("print(6 * 7)\r\n42\r\n>>> "), "\(result.output)")
    }
}
