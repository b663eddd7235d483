import Foundation
import Testing
import URemoteKit
@testable import BoardSimulator

@Suite("CircuitPython personality")
struct CircuitPythonPersonalityTests {
    static let banner = "Adafruit CircuitPython 9.2.1 on 2024-11-20; uremote simulator with Swift\r\n"
    static let autoReload = "\r\nAuto-reload is on. Simply save files over USB to run them or enter REPL to disable.\r\n"
    static let pressAnyKey = "\r\nPress any key to enter the REPL. Use CTRL-D to reload.\r\n"

    @Test func powerUpRunsCodePyThenWaitsForAKey() throws {
        let board = try BoardHarness(personality: .circuitpython, files: ["code.py": "print('hello')"])
        #expect(try board.read(until: Self.pressAnyKey) == Self.autoReload
            + "code.py output:\r\nhello\r\n\r\nCode done running.\r\n" + Self.pressAnyKey)
        try board.send("x")
        #expect(try board.read(until: ">>> ") == "\r\n" + Self.banner + ">>> ")
    }

    @Test func bootPyOutputGoesToBootOutTxt() throws {
        let board = try BoardHarness(personality: .circuitpython, files: ["boot.py": "print('from boot')"])
        _ = try board.read(until: Self.pressAnyKey)
        let report = try String(contentsOfFile: board.flash + "/boot_out.txt", encoding: .utf8)
        #expect(report.hasPrefix("Adafruit CircuitPython 9.2.1 on 2024-11-20; uremote simulator with Swift\n"))
        #expect(report.hasSuffix("boot.py output:\nfrom boot\n"))
    }

    @Test func ctrlDAtTheWaitReloads() throws {
        let board = try BoardHarness(personality: .circuitpython, files: ["code.py": "print('run')"])
        _ = try board.read(until: Self.pressAnyKey)
        try board.send([0x04])
        #expect(try board.read(until: Self.pressAnyKey) == "soft reboot\r\n" + Self.autoReload
            + "code.py output:\r\nrun\r\n\r\nCode done running.\r\n" + Self.pressAnyKey)
    }

    @Test func editingAFileFromOutsideRestartsRunningCode() throws {
        let board = try BoardHarness(personality: .circuitpython, files: ["code.py": "spin"])
        _ = try board.read(until: "code.py output:\r\n")
        Thread.sleep(forTimeInterval: 0.4)
        try "print('new')".write(toFile: board.flash + "/code.py", atomically: true, encoding: .utf8)
        let text = try board.read(until: Self.pressAnyKey)
        #expect(text.contains("\r\nCode stopped by auto-reload. Reloading soon.\r\nsoft reboot\r\n"))
        #expect(text.hasSuffix("code.py output:\r\nnew\r\n\r\nCode done running.\r\n" + Self.pressAnyKey))
    }

    @Test func theReplDisablesAutoReload() throws {
        let board = try BoardHarness(personality: .circuitpython)
        _ = try board.read(until: Self.pressAnyKey)
        try board.send("\r")
        _ = try board.read(until: ">>> ")
        try "print('x')".write(toFile: board.flash + "/code.py", atomically: true, encoding: .utf8)
        #expect(try board.drain(for: .milliseconds(800)).isEmpty)
    }

    @Test func mpremoteStyleEntryReachesTheRawRepl() throws {
        let board = try BoardHarness(personality: .circuitpython, files: ["code.py": "spin"])
        _ = try board.read(until: "code.py output:\r\n")
        _ = try board.interrupt(until: "Use CTRL-D to reload.\r\n")
        try board.send("\r\u{1}")
        #expect(try board.read(until: "raw REPL; CTRL-B to exit\r\n>").hasSuffix("raw REPL; CTRL-B to exit\r\n>"))
        try board.send("print('ok')\u{4}")
        #expect(try board.read(until: "\u{4}>") == "OKok\r\n\u{4}\u{4}>")
    }
}
