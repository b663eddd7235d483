import Foundation
import Testing

/// The foundation's "what it must show", against real MicroPython on a pty, through the built binary.
@Suite("uremote against real MicroPython", .serialized)
struct ReferenceBoardTests {
    @Test func execPrints() throws {
        let board = try ReferenceBoard()
        defer { board.stop() }
        let outcome = try board.uremote(["exec", "print(1+1)"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout == "2\n" || outcome.stdout == "2\r\n")
        #expect(outcome.stderr.isEmpty)
    }

    @Test func stateCarriesAcrossChainedCommandsAndInvocations() throws {
        let board = try ReferenceBoard()
        defer { board.stop() }
        let chained = try board.uremote(["exec", "x=5", "+", "eval", "x"])
        #expect(chained.status == 0, "\(chained.stderr)")
        #expect(chained.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "5")
        let unplussed = try board.uremote(["exec", "x=x+1", "eval", "x"])
        #expect(unplussed.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "6")
    }

    @Test func softResetClearsState() throws {
        let board = try ReferenceBoard()
        defer { board.stop() }
        #expect(try board.uremote(["exec", "x=5"]).status == 0)
        let outcome = try board.uremote(["soft-reset", "eval", "x"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("NameError"), "\(outcome.stderr)")
        #expect(outcome.stdout.isEmpty)
    }

    @Test func runStartsCleanUnlessResumedOrPrecededInTheLine() throws {
        let board = try ReferenceBoard()
        defer { board.stop() }
        let script = board.flash.appendingPathComponent("show.py")
        try Data("print('x' in globals())\n".utf8).write(to: script)
        func shows(_ arguments: [String]) throws -> String {
            let outcome = try board.uremote(arguments)
            #expect(outcome.status == 0, "\(outcome.stderr)")
            return outcome.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        #expect(try board.uremote(["exec", "x=5"]).status == 0)
        #expect(try shows(["resume", "run", script.path]) == "True", "resume keeps the board's state")
        #expect(try shows(["run", script.path]) == "False", "a run that comes first starts from a soft reset")
        #expect(try shows(["exec", "x=6", "run", script.path]) == "True", "state built earlier in the line carries over")
        #expect(try shows(["eval", "x"]) == "6", "exec and eval never reset")
    }

    @Test func exceptionGoesToStderrWithStatusOne() throws {
        let board = try ReferenceBoard()
        defer { board.stop() }
        let outcome = try board.uremote(["exec", "print('before'); 1/0"])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.hasPrefix("before"))
        #expect(outcome.stderr.contains("ZeroDivisionError"))
        #expect(outcome.stderr.contains("Traceback"))
    }

    @Test func runStreamsOutputAsItArrives() throws {
        let board = try ReferenceBoard()
        defer { board.stop() }
        let script = board.flash.appendingPathComponent("stream.py")
        try Data("import time\nprint('first')\ntime.sleep(1.5)\nprint('second')\n".utf8).write(to: script)
        let process = Process()
        process.executableURL = Uremote.binary
        process.arguments = ["connect", board.link, "run", script.path]
        let output = Pipe()
        process.standardOutput = output
        let start = Date()
        let firstSeen = LockedText()
        output.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty { handle.readabilityHandler = nil; return }
            let text = firstSeen.append(String(decoding: data, as: UTF8.self))
            if text.contains("first") && !text.contains("@") && !text.contains("second") {
                firstSeen.append("@\(Date().timeIntervalSince(start))@")
            }
        }
        try process.run()
        process.waitUntilExit()
        Thread.sleep(forTimeInterval: 0.1)
        let text = firstSeen.text
        #expect(process.terminationStatus == 0)
        #expect(text.contains("second"))
        let stamp = text.split(separator: "@").dropFirst().first.flatMap { Double($0) }
        let firstAt = try #require(stamp, "no output before the program ended: \(text)")
        #expect(firstAt < Date().timeIntervalSince(start) - 1.0, "'first' arrived only at \(firstAt) s")
    }

    @Test func multiByteCharactersSurviveChunking() throws {
        let board = try ReferenceBoard()
        defer { board.stop() }
        let outcome = try board.uremote(["exec", "print('é' * 3001 + '🐍' * 2001 + '日本' * 999)"])
        let expected = String(repeating: "é", count: 3001) + String(repeating: "🐍", count: 2001) + String(repeating: "日本", count: 999)
        #expect(outcome.stdout.trimmingCharacters(in: .newlines) == expected)
    }

    @Test func replCapturesTheSession() throws {
        let board = try ReferenceBoard()
        defer { board.stop() }
        let capture = board.flash.appendingPathComponent("session.txt")
        let outcome = try board.uremote(["repl", "--capture", capture.path], input: "y = 6*7\rprint(y)\r")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("42"))
        let recorded = try String(contentsOf: capture, encoding: .utf8)
        #expect(recorded.contains(">>> print(y)"), "\(recorded)")
        #expect(recorded.contains("42"))
        #expect(!recorded.contains("Connected to"), "the capture holds the board's bytes only")
        // The REPL session's state is the board's state.
        #expect(try board.uremote(["eval", "y"]).stdout.contains("42"))
    }

    @Test func replQuitsOnCtrlX() throws {
        let board = try ReferenceBoard()
        defer { board.stop() }
        let outcome = try board.uremote(["repl"], input: "z = 1\r\u{18}print('never')\r", timeout: 10)
        #expect(outcome.status == 0)
        #expect(outcome.seconds < 3)
        #expect(try board.uremote(["eval", "z"]).stdout.contains("1"))
        #expect(!outcome.stdout.contains("never"))
    }

    @Test func replEscapesNonPrintable() throws {
        let board = try ReferenceBoard()
        defer { board.stop() }
        let outcome = try board.uremote(["exec", "s='\\x01'", "repl", "-e"], input: "print(s)\r")
        #expect(outcome.stdout.contains("[01]"), "\(outcome.stdout)")
    }

    @Test func replInjectsCodeAndFiles() throws {
        let board = try ReferenceBoard()
        defer { board.stop() }
        let file = board.flash.appendingPathComponent("inject.py")
        try Data("w = 'from file'\nprint(w)\n".utf8).write(to: file)
        let outcome = try board.uremote(["repl", "--inject-code", "v = 40 + 2\\nprint(v)\\n", "--inject-file", file.path],
                                        input: "\u{0A}\u{0B}")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("42"), "\(outcome.stdout)")
        #expect(outcome.stdout.contains("Injecting \(file.path)"))
        #expect(outcome.stdout.contains("from file"))
        // The board is back at its friendly prompt with both results defined.
        #expect(try board.uremote(["eval", "(v, w)"]).stdout.contains("(42, 'from file')"))
    }

    @Test func noFollowReturnsAtOnce() throws {
        let board = try ReferenceBoard()
        defer { board.stop() }
        // The pause lets the program start: the unix port only takes Ctrl-C once its code runs.
        let outcome = try board.uremote(["exec", "--no-follow", "import time; time.sleep(3)", "+", "sleep", "0.3", "+", "eval", "40+2"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("42"))
        #expect(outcome.seconds < 3)
    }

    @Test func hostCtrlCInterruptsTheBoard() throws {
        let board = try ReferenceBoard()
        defer { board.stop() }
        let process = Process()
        process.executableURL = Uremote.binary
        process.arguments = ["connect", board.link, "exec", "import time\nwhile True:\n  time.sleep(0.05)"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 1.0)
        let sent = Date()
        process.interrupt()
        process.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 1)
        #expect(Date().timeIntervalSince(sent) < 4)
        #expect(message.contains("interrupted"), "\(message)")
        let after = try board.uremote(["eval", "1+1"])
        #expect(after.stdout.contains("2"), "board unusable after Ctrl-C: \(after.stderr) (first run said: \(message))")
    }

    @Test func closedOutputStopsTheProgram() throws {
        let board = try ReferenceBoard()
        defer { board.stop() }
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "\"$0\" connect \"$1\" exec 'while True: print(12345)' | head -1", Uremote.binary.path, board.link]
        let output = Pipe()
        shell.standardOutput = output
        let start = Date()
        try shell.run()
        let deadline = Date().addingTimeInterval(10)
        while shell.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if shell.isRunning { shell.terminate() }
        shell.waitUntilExit()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(printed.hasPrefix("12345"))
        #expect(Date().timeIntervalSince(start) < 5, "uremote kept running after its reader left")
        #expect(try board.uremote(["eval", "6*7"]).stdout.contains("42"))
    }

    @Test func busyPortIsOneLineError() throws {
        let board = try ReferenceBoard()
        defer { board.stop() }
        let holder = Process()
        holder.executableURL = Uremote.binary
        holder.arguments = ["connect", board.link, "exec", "import time; time.sleep(3)"]
        holder.standardOutput = FileHandle.nullDevice
        try holder.run()
        Thread.sleep(forTimeInterval: 0.7)
        let outcome = try board.uremote(["eval", "1"], timeout: 10)
        holder.waitUntilExit()
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("busy"), "\(outcome.stderr)")
        #expect(outcome.stderr.filter { $0 == "\n" }.count == 1)
        #expect(outcome.seconds < 3)
    }

    @Test func silentBoardTimesOutWithOneLine() throws {
        // A pseudo-terminal nobody answers on: the board that never speaks.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: try #require(ReferenceBoard.which("python3"), "python3 is needed"))
        holder.arguments = ["-c", "import pty, os, sys\nm, s = pty.openpty()\nprint(os.ttyname(s), flush=True)\nsys.stdin.read()"]
        let path = Pipe(), stdin = Pipe()
        holder.standardOutput = path
        holder.standardInput = stdin
        try holder.run()
        defer { try? stdin.fileHandleForWriting.close(); holder.waitUntilExit() }
        var name = Data()
        while !name.contains(UInt8(ascii: "\n")) {
            let more = path.fileHandleForReading.availableData
            if more.isEmpty { break }
            name.append(more)
        }
        let slave = String(decoding: name, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        try #require(slave.hasPrefix("/dev/"))
        let outcome = try Uremote.run(["connect", slave, "exec", "print(1)"], timeout: 20)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.hasPrefix("uremote: "))
        #expect(outcome.stderr.filter { $0 == "\n" }.count == 1, "\(outcome.stderr)")
        #expect(outcome.seconds < 8)
    }
}
