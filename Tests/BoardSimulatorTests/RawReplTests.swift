import Foundation
import Testing
import URemoteKit
@testable import BoardSimulator

@Suite("Raw REPL and raw-paste bytes")
struct RawReplTests {
    static let rawBanner = "raw REPL; CTRL-B to exit\r\n>"

    private func rawBoard(files: [String: String] = [:]) throws -> BoardHarness {
        let board = try BoardHarness(files: files)
        _ = try board.read(until: ">>> ")
        try board.send("\r\u{1}")
        #expect(try board.read(until: Self.rawBanner) == "\r\n>>> \r\n" + Self.rawBanner)
        return board
    }

    @Test func runsCodeAndFramesOutputWithEOFMarkers() throws {
        let board = try rawBoard()
        try board.send("print('a')\u{4}")
        #expect(try board.read(until: "\u{4}>") == "OKa\r\n\u{4}\u{4}>")
    }

    @Test func exceptionGoesBetweenTheMarkers() throws {
        let board = try rawBoard()
        try board.send("raise\u{4}")
        #expect(try board.read(until: "\u{4}>") == "OK\u{4}Traceback (most recent call last):\r\n"
            + "  File \"<stdin>\", line 1, in <module>\r\nValueError: boom\r\n\u{4}>")
    }

    @Test func ctrlBReturnsToTheFriendlyRepl() throws {
        let board = try rawBoard()
        try board.send("\u{2}")
        #expect(try board.read(until: ">>> ") == "\r\n" + FriendlyReplTests.banner + ">>> ")
    }

    @Test func ctrlCClearsTheCommandBuffer() throws {
        let board = try rawBoard()
        try board.send("garbage\u{3}print('ok')\u{4}")
        #expect(try board.read(until: "\u{4}>") == "OKok\r\n\u{4}\u{4}>")
    }

    @Test func emptyCommandSoftResetsRunningBootButNotMain() throws {
        let board = try rawBoard(files: ["boot.py": "print('boot')", "main.py": "print('main')"])
        try board.send("\u{4}")
        #expect(try board.read(until: Self.rawBanner) == "OK\r\nMPY: soft reboot\r\nboot\r\n" + Self.rawBanner)
    }

    @Test func rawPasteGrantsWindowsAndRuns() throws {
        let board = try rawBoard()
        try board.send("\u{5}A\u{1}")
        #expect(try board.read(untilBytes: [0x52, 0x01, 0x80, 0x00, 0x01]) == [0x52, 0x01, 0x80, 0x00, 0x01])
        // 300 bytes of code: the host may send two windows (256 bytes) before a new grant.
        let code = Array(String(repeating: "pass\n", count: 59).utf8) + Array("print('x')\n".utf8)
        #expect(code.count == 306)
        try board.send(Array(code[0..<256]))
        #expect(try board.read(untilBytes: [0x01], timeout: .seconds(2)) == [0x01])
        try board.send(Array(code[256...]) + [0x04])
        #expect(try board.read(until: "\u{4}>") == "\u{1}\u{4}x\r\n\u{4}\u{4}>")
    }

    @Test func rawPasteRejectsUnknownCommands() throws {
        let board = try rawBoard()
        try board.send("\u{5}B\u{1}")
        #expect(try board.read(until: ">") == "R\u{0}>")
    }

    @Test func ctrlCDuringRawPasteAborts() throws {
        let board = try rawBoard()
        try board.send("\u{5}A\u{1}")
        _ = try board.read(untilBytes: [0x52, 0x01, 0x80, 0x00, 0x01])
        try board.send("print('no')\u{3}")
        #expect(try board.read(until: "\u{4}>") == "\u{4}\u{4}KeyboardInterrupt: \r\n\u{4}>")
    }

    @Test func kbdIntrDisabledLetsCtrlCThroughToStdin() throws {
        let board = try rawBoard()
        try board.send("kbd -1\nprint('ready')\necho 3\u{4}")
        _ = try board.read(until: "OKready\r\n")
        try board.send([0x03, 0x61, 0x62])
        #expect(try board.read(until: "\u{4}>") == "\u{3}ab\u{4}\u{4}>")
    }
}
