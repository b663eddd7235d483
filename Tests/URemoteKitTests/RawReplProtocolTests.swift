import Foundation
import Testing
@testable import URemoteKit

/// The raw REPL protocol against a scripted board: framing, flow control, and every way a board
/// can fail to answer.
@Suite struct RawReplProtocolTests {
    /// Every program goes raw-paste here (`plainRawLimit: 0`), so these tests exercise its flow
    /// control whatever the program's length; `shortCodeGoesPlainRaw` covers the default.
    static let fast = SessionOptions(connectTimeout: .seconds(2), responseTimeout: .seconds(1),
                                     plainRawChunkDelay: .milliseconds(1), quietPeriod: .milliseconds(20),
                                     maxDrainTime: .milliseconds(300), plainRawLimit: 0)

    private func session(_ board: ScriptedBoard, _ options: SessionOptions = fast) -> BoardSession {
        BoardSession(link: board.host, options: options)
    }

    @Test func shortCodeGoesPlainRawAndLongCodeRawPaste() throws {
        var options = Self.fast
        options.plainRawLimit = SessionOptions().plainRawLimit
        let long = (0..<60).map { "v\($0) = \($0)" }.joined(separator: "\n")
        let board = ScriptedBoard { code in .output(code == "print(1+1)" ? "2\r\n" : code == long ? "long" : "?") }
        let s = session(board, options)
        #expect(try s.execute("print(1+1)").output == Array("2\r\n".utf8))
        #expect(try s.execute(long).output == Array("long".utf8))
        #expect(board.usedRawPaste == [false, true])
    }

    @Test func anIdleBoardIsEnteredWithOneBurst() throws {
        let board = ScriptedBoard { _ in .output("") }
        let s = session(board)
        let started = ContinuousClock.now
        try s.enterRawRepl()
        #expect(s.isInRawRepl)
        // No spaced second Ctrl-C and no quiet period: the banner answered the first burst.
        #expect(Array(board.received.prefix(3)) == [0x0D, 0x03, 0x01])
        #expect(board.received.count == 3)
        #expect(ContinuousClock.now - started < .milliseconds(100))
    }

    @Test func executesAndFramesOutputEvenOneByteAtATime() throws {
        var behaviour = ScriptedBoard.Behaviour()
        behaviour.chunkSize = 1
        let board = ScriptedBoard(behaviour) { code in
            code == "print(1+1)" ? .output("2\r\n") : .output("", error: "unexpected \(code)")
        }
        let s = session(board)
        var streamed: [UInt8] = []
        let result = try s.execute("print(1+1)") { streamed += $0 }
        #expect(result.output == Array("2\r\n".utf8))
        #expect(streamed == result.output)
        #expect(!result.raisedException)
        #expect(s.isInRawRepl)
    }

    @Test func keepsBareNewlinesAsTheBoardSentThem() throws {
        let board = ScriptedBoard { _ in .output("a\nb\n") }
        let result = try session(board).execute("x")
        #expect(result.output == Array("a\nb\n".utf8))
    }

    @Test func tracebackGoesToErrorOutputAndEvaluateThrows() throws {
        let traceback = "Traceback (most recent call last):\r\n  File \"<stdin>\", line 1, in <module>\r\nNameError: name 'y' isn't defined\r\n"
        let board = ScriptedBoard { _ in .output("", error: traceback) }
        let s = session(board)
        let result = try s.execute("y")
        #expect(result.raisedException)
        #expect(result.errorText == traceback)
        #expect(throws: SessionError.boardException(traceback: traceback)) { try s.evaluate("y") }
        #expect(SessionError.boardException(traceback: traceback).description == "NameError: name 'y' isn't defined")
    }

    @Test func evaluateReturnsReprText() throws {
        let board = ScriptedBoard { code in code == "print(repr(\nx\n))" ? .output("5\r\n") : .output("", error: "bad") }
        #expect(try session(board).evaluate("x") == "5")
    }

    @Test func entersRawReplThroughGarbageAndChatter() throws {
        var behaviour = ScriptedBoard.Behaviour()
        behaviour.noiseOnInterrupt = "Traceback (most recent call last):\r\nKeyboardInterrupt: \r\nraw REPL; CTRL-B to exi"
        behaviour.chunkSize = 3
        let board = ScriptedBoard(behaviour) { _ in .output("ok\r\n") }
        let s = session(board)
        try s.enterRawRepl()
        #expect(try s.execute("x").output == Array("ok\r\n".utf8))
    }

    @Test func circuitPythonPressAnyKeyPause() throws {
        var behaviour = ScriptedBoard.Behaviour()
        behaviour.pressAnyKey = true
        let board = ScriptedBoard(behaviour) { _ in .output("cp\r\n") }
        #expect(try session(board).execute("x").output == Array("cp\r\n".utf8))
    }

    @Test func boardDeafWhileItsReplStartsIsRetried() throws {
        var behaviour = ScriptedBoard.Behaviour()
        behaviour.pressAnyKey = true
        behaviour.replStartDelay = 0.3
        let board = ScriptedBoard(behaviour) { _ in .output("late\r\n") }
        var options = Self.fast
        options.connectTimeout = .seconds(3)
        let start = ContinuousClock.now
        #expect(try session(board, options).execute("x").output == Array("late\r\n".utf8))
        #expect(ContinuousClock.now - start < .seconds(3))
    }

    @Test func silentBoardTimesOutWithAHint() throws {
        var behaviour = ScriptedBoard.Behaviour()
        behaviour.silent = true
        let board = ScriptedBoard(behaviour)
        let s = session(board)
        let start = ContinuousClock.now
        do {
            try s.enterRawRepl()
            Issue.record("a silent board must not count as entered")
        } catch let error {
            guard case .timeout(let message) = error else { Issue.record("wrong error \(error)"); return }
            #expect(message.contains("no response from scripted"))
            #expect(message.contains("uremote reset"))
        }
        #expect(ContinuousClock.now - start < .seconds(4))
    }

    @Test func bannerWithoutPromptIsNotEnough() throws {
        var behaviour = ScriptedBoard.Behaviour()
        behaviour.omitRawPrompt = true
        let board = ScriptedBoard(behaviour)
        let s = session(board)
        #expect(throws: SessionError.self) { try s.enterRawRepl() }
        #expect(!s.isInRawRepl)
    }

    @Test func rawPasteRespectsTheWindow() throws {
        var behaviour = ScriptedBoard.Behaviour()
        behaviour.window = 16
        behaviour.grantDelay = 0.002
        let code = (0..<300).map { "v\($0) = \($0)" }.joined(separator: "\n")
        let board = ScriptedBoard(behaviour) { received in received == code ? .output("done") : .output("", error: "garbled") }
        let s = session(board)
        let result = try s.execute(code)
        #expect(result.output == Array("done".utf8))
        #expect(board.windowViolations == 0)
        #expect(board.usedRawPaste == [true])
        #expect(s.supportsRawPaste == true)
    }

    @Test func refusedRawPasteFallsBackToPlainRaw() throws {
        var behaviour = ScriptedBoard.Behaviour()
        behaviour.rawPasteSupported = false
        let code = String(repeating: "a = 1\n", count: 200)
        let board = ScriptedBoard(behaviour) { received in received == code ? .output("plain") : .output("", error: "garbled") }
        let s = session(board)
        #expect(try s.execute(code).output == Array("plain".utf8))
        #expect(try s.execute(code).output == Array("plain".utf8))
        #expect(board.usedRawPaste == [false, false])
        #expect(s.supportsRawPaste == false)
    }

    @Test func firmwareWithoutRawPasteFallsBackToPlainRaw() throws {
        var behaviour = ScriptedBoard.Behaviour()
        behaviour.rawPasteUnknown = true
        let board = ScriptedBoard(behaviour) { received in received == "print(3)" ? .output("3\r\n") : .output("", error: received) }
        let s = session(board)
        let result = try s.execute("print(3)")
        #expect(result.output == Array("3\r\n".utf8), "error: \(result.errorText)")
        #expect(s.supportsRawPaste == false)
    }

    @Test func rawPasteCanBeDisabled() throws {
        var options = Self.fast
        options.useRawPaste = false
        options.plainRawChunkSize = 7
        let board = ScriptedBoard { received in received == "print('chunked')" ? .output("chunked\r\n") : .output("", error: "garbled") }
        #expect(try session(board, options).execute("print('chunked')").output == Array("chunked\r\n".utf8))
        #expect(board.usedRawPaste == [false])
    }

    @Test func boardAbortingRawPasteIsAcknowledged() throws {
        var behaviour = ScriptedBoard.Behaviour()
        behaviour.abortPasteAfter = 40
        let board = ScriptedBoard(behaviour)
        let s = session(board)
        let result = try s.execute(String(repeating: "x = 1\n", count: 100))
        #expect(result.errorText.contains("KeyboardInterrupt"))
        // The session is still in step with the board.
        var ok = board.behaviour
        ok.abortPasteAfter = nil
        board.behaviour = ok
        #expect(try !s.execute("pass").raisedException)
    }

    @Test func rebootToRawReplMidCommandIsReported() throws {
        let reboot = Array("partial\r\nMPY: soft reboot\r\nraw REPL; CTRL-B to exit\r\n>".utf8)
        var first = true
        let board = ScriptedBoard { _ in
            defer { first = false }
            return first ? .raw(reboot) : .output("again\r\n")
        }
        let s = session(board)
        var streamed: [UInt8] = []
        do {
            _ = try s.execute("long()") { streamed += $0 }
            Issue.record("a reboot must not pass as success")
        } catch let error {
            guard case .boardRestarted(let message) = error else { Issue.record("wrong error \(error)"); return }
            #expect(message.contains("restarted"))
        }
        #expect(String(decoding: streamed, as: UTF8.self).hasPrefix("partial"))
        #expect(try s.execute("x").output == Array("again\r\n".utf8))
    }

    @Test func rebootToFriendlyReplMidCommandIsReported() throws {
        let reboot = Array("half\r\nMicroPython v1.24.0 on 2024-10-25; Raspberry Pi Pico with RP2040\r\nType \"help()\" for more information.\r\n>>> ".utf8)
        var first = true
        let board = ScriptedBoard { _ in
            defer { first = false }
            return first ? .raw(reboot) : .output("back\r\n")
        }
        let s = session(board)
        let start = ContinuousClock.now
        #expect(throws: SessionError.self) { try s.execute("long()") }
        #expect(ContinuousClock.now - start < .seconds(3))
        #expect(!s.isInRawRepl)
        #expect(try s.execute("x").output == Array("back\r\n".utf8))
    }

    @Test func missingEndOfOutputTimesOut() throws {
        let board = ScriptedBoard { _ in .raw(Array("no end".utf8)) }
        let s = session(board)
        do {
            _ = try s.execute("x", timeout: .milliseconds(300))
            Issue.record("must time out")
        } catch let error {
            guard case .timeout = error else { Issue.record("wrong error \(error)"); return }
        }
    }

    @Test func interruptStopsARunningProgram() throws {
        let board = ScriptedBoard { _ in .runUntilInterrupted(first: "tick\r\n") }
        let s = session(board)
        var triggered = false
        let result = try s.execute("while True: pass") { _ in
            guard !triggered else { return }
            triggered = true
            DispatchQueue.global().asyncAfter(deadline: .now() + 0.1) { s.interrupt() }
        }
        #expect(result.errorText.contains("KeyboardInterrupt"))
        #expect(result.output == Array("tick\r\n".utf8))
    }

    @Test func softResetWaitsForTheNewRawPrompt() throws {
        let board = ScriptedBoard { _ in .output("fresh\r\n") }
        let s = session(board)
        try s.enterRawRepl()
        try s.softReset()
        #expect(s.isInRawRepl)
        #expect(try s.execute("x").output == Array("fresh\r\n".utf8))
        let sent = board.received
        #expect(ReplReader.find([0x04], in: sent) != nil)
    }

    @Test func startExecutionLeavesTheProgramsBytesOnTheLink() throws {
        let board = ScriptedBoard { _ in .output("STREAM-DATA") }
        let s = session(board)
        try s.startExecution("serve()")
        // Everything the program sends is still on the link for the caller.
        var direct: [UInt8] = []
        while direct.count < 11 {
            direct += try s.link.read(maxCount: 11 - direct.count, timeout: .seconds(1))
        }
        #expect(direct == Array("STREAM-DATA".utf8))
        let result = try s.finishExecution()
        #expect(result.output.isEmpty)
        #expect(!result.raisedException)
    }

    @Test func closeLeavesTheBoardInTheFriendlyRepl() throws {
        let board = ScriptedBoard()
        let s = session(board)
        try s.enterRawRepl()
        s.close()
        Thread.sleep(forTimeInterval: 0.1)
        #expect(board.received.last == 0x02)
    }

    @Test func neverSoftResetsOnConnect() throws {
        let board = ScriptedBoard { _ in .output("") }
        let s = session(board)
        _ = try s.execute("pass")
        // Ctrl-D only ever ends code: never sent on an empty line.
        #expect(board.programs == ["pass"])
        #expect(board.received.filter { $0 == 0x04 }.count == 1)
    }
}
