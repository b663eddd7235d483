import Foundation
import Testing
@testable import URemoteKit
#if canImport(Glibc)
import Glibc
#endif

/// The session against the real MicroPython unix port, served as a board on a pty by
/// scripts/micropython-board.
@Suite(.serialized) struct MicroPythonIntegrationTests {
    private func connect(_ board: ReferenceBoard, _ options: SessionOptions = .init()) throws -> BoardSession {
        BoardSession(link: try DeviceResolver.open(board.linkPath, options: LinkOptions()), options: options)
    }

    private func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test func execPrintsResult() throws {
        let board = try ReferenceBoard.start()
        defer { board.stop() }
        let session = try connect(board)
        defer { session.close() }
        #expect(session.link is PseudoTerminalLink)
        let result = try session.execute("print(1+1)")
        #expect(text(result.output) == "2\n")
        #expect(!result.raisedException)
    }

    @Test func stateSurvivesBetweenCommandsAndConnections() throws {
        let board = try ReferenceBoard.start()
        defer { board.stop() }
        do {
            let first = try connect(board)
            _ = try first.execute("x=5")
            #expect(try first.evaluate("x") == "5")
            first.close()
        }
        let second = try connect(board)
        defer { second.close() }
        #expect(try second.evaluate("x") == "5")
        #expect(try second.evaluate("'a' + 'b'") == "'ab'")
        #expect(try second.evaluate("x * 2  # a comment") == "10")
    }

    @Test func longOutputStreams() throws {
        let board = try ReferenceBoard.start()
        defer { board.stop() }
        let session = try connect(board)
        defer { session.close() }
        var chunks = 0
        var streamed: [UInt8] = []
        let result = try session.execute("for i in range(5000):\n    print('line', i)") {
            chunks += 1
            streamed += $0
        }
        let lines = text(result.output).split(separator: "\n")
        #expect(lines.count == 5000)
        #expect(lines.last == "line 4999")
        #expect(streamed == result.output)
        #expect(chunks > 1)
    }

    @Test func softResetClearsState() throws {
        let board = try ReferenceBoard.start()
        defer { board.stop() }
        let session = try connect(board)
        defer { session.close() }
        _ = try session.execute("x=5")
        try session.softReset()
        #expect(session.isInRawRepl)
        do {
            _ = try session.evaluate("x")
            Issue.record("x must be gone after a soft reset")
        } catch let error {
            guard case .boardException(let traceback) = error else { Issue.record("wrong error \(error)"); return }
            #expect(traceback.contains("NameError"))
        }
        // And the board works normally afterwards, twice over.
        #expect(try session.evaluate("1+2") == "3")
        try session.softReset()
        #expect(try session.evaluate("2+2") == "4")
    }

    @Test func boardExceptionCarriesMicroPythonsTraceback() throws {
        let board = try ReferenceBoard.start()
        defer { board.stop() }
        let session = try connect(board)
        defer { session.close() }
        let result = try session.execute("print('before')\n1/0")
        #expect(text(result.output) == "before\n")
        #expect(result.errorText.hasPrefix("Traceback (most recent call last):"))
        #expect(result.errorText.contains("ZeroDivisionError: divide by zero"))
        #expect(throws: SessionError.self) { try session.evaluate("undefined_name") }
    }

    @Test func plainRawFallbackWorks() throws {
        let board = try ReferenceBoard.start()
        defer { board.stop() }
        var options = SessionOptions()
        options.useRawPaste = false
        let session = try connect(board, options)
        defer { session.close() }
        let code = (0..<400).map { "v\($0) = \($0)" }.joined(separator: "\n") + "\nprint(v399)"
        #expect(text(try session.execute(code).output) == "399\n")
        #expect(session.supportsRawPaste == nil)
    }

    @Test func bigProgramThroughRawPaste() throws {
        let board = try ReferenceBoard.start()
        defer { board.stop() }
        let session = try connect(board)
        defer { session.close() }
        let code = (0..<2000).map { "w\($0) = '\(String(repeating: "z", count: 20))'" }.joined(separator: "\n")
            + "\nprint(len(w1999))"
        #expect(text(try session.execute(code).output) == "20\n")
        #expect(session.supportsRawPaste == true)
        #expect((session.rawPasteWindow ?? 0) >= 32)
    }

    @Test func interruptStopsRunningCode() throws {
        let board = try ReferenceBoard.start()
        defer { board.stop() }
        let session = try connect(board)
        defer { session.close() }
        // Interrupt once the program is surely running, as a user pressing Ctrl-C would.
        var triggered = false
        let result = try session.execute("import time\nprint('start')\nwhile True:\n    time.sleep(0.01)",
                                         timeout: .seconds(10)) { _ in
            guard !triggered else { return }
            triggered = true
            DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) { session.interrupt() }
        }
        #expect(text(result.output) == "start\n")
        #expect(result.errorText.contains("KeyboardInterrupt"))
        #expect(try session.evaluate("6*7") == "42")
    }

    @Test func enteringInterruptsABusyProgram() throws {
        let board = try ReferenceBoard.start()
        defer { board.stop() }
        let first = try connect(board)
        // Leave a program running, as a crashed tool or a busy main.py would.
        try first.startExecution("import time\nwhile True:\n    time.sleep(0.01)")
        first.link.close()
        let second = try connect(board)
        defer { second.close() }
        #expect(try second.evaluate("'free'") == "'free'")
    }

    @Test func unservedPortTimesOut() throws {
        var master: Int32 = -1
        var slave: Int32 = -1
        #expect(openpty(&master, &slave, nil, nil, nil) == 0)
        defer { close(master); close(slave) }
        let path = String(cString: ttyname(slave))
        let options = SessionOptions(connectTimeout: .seconds(2))
        let session = BoardSession(link: try DeviceResolver.open(path, options: LinkOptions()), options: options)
        defer { session.close() }
        let start = ContinuousClock.now
        do {
            try session.enterRawRepl()
            Issue.record("nobody answers, so this must fail")
        } catch let error {
            guard case .timeout(let message) = error else { Issue.record("wrong error \(error)"); return }
            #expect(message.contains(path))
        }
        #expect(ContinuousClock.now - start < .seconds(4))
    }

    @Test func missingPortIsNotFound() throws {
        for name in ["/dev/ttyACM97", "/tmp/uremote-no-such-port", "port:/dev/ttyUSB97"] {
            do {
                _ = try DeviceResolver.open(name, options: LinkOptions())
                Issue.record("\(name) must not open")
            } catch let error {
                guard case .notFound(let message) = error else { Issue.record("wrong error \(error)"); continue }
                #expect(message.contains("uremote devs"))
            }
        }
    }

    @Test func busyPortIsReported() throws {
        let board = try ReferenceBoard.start()
        defer { board.stop() }
        let holder = try DeviceResolver.open(board.linkPath, options: LinkOptions())
        defer { holder.close() }
        do {
            _ = try DeviceResolver.open(board.linkPath, options: LinkOptions())
            Issue.record("a second open must be refused")
        } catch let error {
            guard case .busy(let message) = error else { Issue.record("wrong error \(error)"); return }
            #expect(message.contains("port busy"))
        }
        holder.close()
        // Once released, the port opens again.
        let again = try DeviceResolver.open(board.linkPath, options: LinkOptions())
        again.close()
    }

    @Test func throttledLinkStillWorks() throws {
        let board = try ReferenceBoard.start(baud: 115_200)
        defer { board.stop() }
        let session = try connect(board)
        defer { session.close() }
        let code = String(repeating: "a = 1\n", count: 200) + "print('slow ok')"
        let start = ContinuousClock.now
        #expect(text(try session.execute(code).output) == "slow ok\n")
        // 1200 bytes at 11520 B/s cannot take less than about 0.1 s.
        #expect(ContinuousClock.now - start > .milliseconds(90))
    }
}

extension MicroPythonIntegrationTests {
    @Test func sysExitRebootsButTheCodeFinished() throws {
        let board = try ReferenceBoard.start()
        defer { board.stop() }
        let session = try connect(board)
        defer { session.close() }
        _ = try session.execute("x = 1")
        let result = try session.execute("print('bye')\nimport sys\nsys.exit()")
        #expect(text(result.output) == "bye\n")
        #expect(!result.raisedException)
        #expect(session.isInRawRepl)
        #expect(throws: SessionError.self) { try session.evaluate("x") }
        #expect(try session.evaluate("'after'") == "'after'")
        #expect(session.supportsRawPaste != false)
    }
}

extension MicroPythonIntegrationTests {
    /// What file transfer relies on: with interrupts off, a program reads raw bytes (Ctrl-C
    /// included) from stdin while the host writes them on the link directly.
    @Test func binaryStreamReachesTheProgramUntouched() throws {
        let board = try ReferenceBoard.start()
        defer { board.stop() }
        let session = try connect(board)
        defer { session.close() }
        let payload: [UInt8] = (0..<2048).map { UInt8(truncatingIfNeeded: $0 * 7 + 3) } + [3, 3, 4, 1, 2, 3]
        try session.startExecution("""
            import sys, micropython
            micropython.kbd_intr(-1)
            sys.stdout.write('R')
            data = sys.stdin.buffer.read(\(payload.count))
            micropython.kbd_intr(3)
            print(len(data), sum(data), data.count(b'\\x03'))
            """)
        // Only once the program has switched Ctrl-C off may a 0x03 byte go out as data.
        var ready: [UInt8] = []
        for _ in 0..<50 where ready.isEmpty { ready = try session.link.read(maxCount: 1, timeout: .milliseconds(100)) }
        #expect(ready == [UInt8(ascii: "R")])
        try session.link.write(payload)
        let result = try session.finishExecution(timeout: .seconds(10))
        let expected = "\(payload.count) \(payload.reduce(0) { $0 + Int($1) }) \(payload.filter { $0 == 3 }.count)\n"
        #expect(text(result.output) == expected, "error: \(result.errorText)")
        #expect(try session.evaluate("1") == "1")
    }

    @Test func friendlySoftRebootShowsABanner() throws {
        let board = try ReferenceBoard.start()
        defer { board.stop() }
        let session = try connect(board)
        defer { session.close() }
        _ = try session.execute("y = 2")
        try session.exitRawRepl()
        try session.link.write([0x04])
        var seen: [UInt8] = []
        let deadline = ContinuousClock.now + .seconds(10)
        while !text(seen).hasSuffix(">>> ") || !text(seen).contains("soft reboot"), ContinuousClock.now < deadline {
            seen += try session.link.read(maxCount: 1024, timeout: .milliseconds(200))
        }
        #expect(text(seen).contains("MPY: soft reboot\r\n"))
        #expect(text(seen).contains("MicroPython"))
        #expect(throws: SessionError.self) { try session.evaluate("y") }
    }
}

extension MicroPythonIntegrationTests {
    @Test func importsComeFromTheFlashAndItsLib() throws {
        let board = try ReferenceBoard.start()
        defer { board.stop() }
        let lib = board.flashDirectory.appendingPathComponent("lib")
        try FileManager.default.createDirectory(at: lib, withIntermediateDirectories: true)
        try "VALUE = 'from lib'\n".write(to: lib.appendingPathComponent("flashmod.py"), atomically: true, encoding: .utf8)
        let session = try connect(board)
        defer { session.close() }
        #expect(try session.evaluate("__import__('flashmod').VALUE") == "'from lib'")
        #expect(try session.evaluate("__import__('os').getcwd()").contains("flash"))
    }
}

extension MicroPythonIntegrationTests {
    /// A board whose main.py never ends, as on power-up: the session interrupts it, boot.py's
    /// globals are there, and a raw-mode soft reset reruns boot.py but not main.py.
    @Test func busyMainPyAndBootPy() throws {
        let board = try ReferenceBoard.start(beforeStart: { flash in
            try "booted = 1\nprint('boot ran')\n".write(to: flash.appendingPathComponent("boot.py"), atomically: true, encoding: .utf8)
            try "import time\nopen('main_runs', 'a').write('x')\nwhile True:\n    print('busy')\n    time.sleep(0.001)\n"
                .write(to: flash.appendingPathComponent("main.py"), atomically: true, encoding: .utf8)
        })
        defer { board.stop() }
        Thread.sleep(forTimeInterval: 0.3)  // let main.py get going
        let session = try connect(board)
        defer { session.close() }
        #expect(try session.evaluate("booted") == "1")
        #expect(try session.evaluate("open('main_runs').read()") == "'x'")
        try session.softReset()
        #expect(try session.evaluate("booted") == "1")
        #expect(try session.evaluate("open('main_runs').read()") == "'x'")
    }
}
