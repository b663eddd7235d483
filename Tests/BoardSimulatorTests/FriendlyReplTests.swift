import Foundation
import Testing
import URemoteKit
@testable import BoardSimulator

@Suite("Friendly REPL bytes")
struct FriendlyReplTests {
    static let banner = "MicroPython v1.25.0 on 2025-04-15; uremote simulator with Swift\r\n"
        + "Type \"help()\" for more information.\r\n"

    @Test func powerUpPrintsBannerAndPrompt() throws {
        let board = try BoardHarness()
        #expect(try board.read(until: ">>> ") == Self.banner + ">>> ")
    }

    @Test func echoesInputAndCooksOutputLineEnds() throws {
        let board = try BoardHarness()
        _ = try board.read(until: ">>> ")
        try board.send("print('hi')\r")
        #expect(try board.read(until: ">>> ") == "print('hi')\r\nhi\r\n>>> ")
    }

    @Test func uncaughtExceptionPrintsTraceback() throws {
        let board = try BoardHarness()
        _ = try board.read(until: ">>> ")
        try board.send("raise\r")
        #expect(try board.read(until: ">>> ") == "raise\r\nTraceback (most recent call last):\r\n"
            + "  File \"<stdin>\", line 1, in <module>\r\nValueError: boom\r\n>>> ")
    }

    @Test func cursorKeysInsertInTheMiddle() throws {
        let board = try BoardHarness()
        _ = try board.read(until: ">>> ")
        try board.send("ab\u{1B}[D\u{1B}[Dx")
        #expect(try board.read(until: "xab\u{8}\u{8}") == "ab\u{8}\u{8}xab\u{8}\u{8}")
        try board.send("\u{1B}[F\u{7F}\r")
        // End redraws "ab", backspace erases the last character, Enter runs "xa".
        #expect(try board.read(until: ">>> ").hasPrefix("ab\u{8}\u{1B}[K\r\nTraceback"))
    }

    @Test func ctrlAOnNonEmptyLineIsHomeAndCtrlEIsEnd() throws {
        let board = try BoardHarness()
        _ = try board.read(until: ">>> ")
        try board.send("abcdef\u{1}")
        #expect(try board.read(until: "\u{1B}[6D") == "abcdef\u{1B}[6D")
        try board.send("\u{5}")
        #expect(try board.read(until: "abcdef") == "abcdef")
        try board.send("\u{3}")
        #expect(try board.read(until: ">>> ") == "\r\n>>> ")
    }

    @Test func upArrowRecallsHistory() throws {
        let board = try BoardHarness()
        _ = try board.read(until: ">>> ")
        try board.send("print('h')\r")
        _ = try board.read(until: ">>> ")
        try board.send("\u{1B}[A")
        #expect(try board.read(until: "print('h')") == "print('h')")
        try board.send("\r")
        #expect(try board.read(until: ">>> ") == "\r\nh\r\n>>> ")
    }

    @Test func continuationLinesAutoIndent() throws {
        let board = try BoardHarness()
        _ = try board.read(until: ">>> ")
        try board.send("if 1:\r")
        #expect(try board.read(until: "...     ") == "if 1:\r\n...     ")
        try board.send("pass\r")
        #expect(try board.read(until: "...     ") == "pass\r\n...     ")
        // Backspace over an auto-indent removes four spaces at once.
        try board.send("\u{7F}\r")
        #expect(try board.read(until: ">>> ") == "\u{8}\u{8}\u{8}\u{8}\u{1B}[K\r\n>>> ")
    }

    @Test func pasteModeEchoesAndRunsOnCtrlD() throws {
        let board = try BoardHarness()
        _ = try board.read(until: ">>> ")
        try board.send("\u{5}")
        #expect(try board.read(until: "=== ") == "\r\npaste mode; Ctrl-C to cancel, Ctrl-D to finish\r\n=== ")
        try board.send("print('a')\rprint('b')\r\u{4}")
        #expect(try board.read(until: ">>> ") == "print('a')\r\n=== print('b')\r\n=== \r\na\r\nb\r\n>>> ")
    }

    @Test func ctrlCInterruptsABusyLoop() throws {
        let board = try BoardHarness()
        _ = try board.read(until: ">>> ")
        try board.send("spin\r")
        _ = try board.read(until: "spin\r\n")
        #expect(try board.interrupt(until: ">>> ").hasSuffix("KeyboardInterrupt: \r\n>>> "))
    }

    @Test func ctrlCInterruptsASleep() throws {
        let board = try BoardHarness()
        _ = try board.read(until: ">>> ")
        try board.send("sleep\r")
        _ = try board.read(until: "sleep\r\n")
        #expect(try board.interrupt(until: ">>> ").hasSuffix("KeyboardInterrupt: \r\n>>> "))
    }

    @Test func ctrlCAtThePromptCancelsTheLine() throws {
        let board = try BoardHarness()
        _ = try board.read(until: ">>> ")
        try board.send("abc\u{3}")
        #expect(try board.read(until: ">>> ") == "abc\r\n>>> ")
    }

    @Test func ctrlBReprintsTheBanner() throws {
        let board = try BoardHarness()
        _ = try board.read(until: ">>> ")
        try board.send("\u{2}")
        #expect(try board.read(until: ">>> ") == "\r\n" + Self.banner + ">>> ")
    }
}
