import Foundation
import Testing
import URemoteKit
@testable import BoardSimulator

@Suite("Board power-up, resets and link")
struct BoardLifecycleTests {
    @Test func powerUpRunsBootThenMain() throws {
        let board = try BoardHarness(files: ["boot.py": "print('boot')", "main.py": "print('main')"])
        #expect(try board.read(until: ">>> ") == "boot\r\nmain\r\n" + FriendlyReplTests.banner + ">>> ")
    }

    @Test func ctrlDSoftRebootRunsBootAndMainAgain() throws {
        let board = try BoardHarness(files: ["boot.py": "print('boot')", "main.py": "print('main')"])
        _ = try board.read(until: ">>> ")
        try board.send("\u{4}")
        #expect(try board.read(until: ">>> ")
            == "\r\nMPY: soft reboot\r\nboot\r\nmain\r\n" + FriendlyReplTests.banner + ">>> ")
    }

    @Test func systemExitSoftResets() throws {
        let board = try BoardHarness()
        _ = try board.read(until: ">>> ")
        try board.send("exit\r")
        #expect(try board.read(until: ">>> ") == "exit\r\nMPY: soft reboot\r\n" + FriendlyReplTests.banner + ">>> ")
    }

    @Test func machineResetBootsFromPowerUp() throws {
        let board = try BoardHarness(files: ["main.py": "print('main')"])
        _ = try board.read(until: ">>> ")
        try board.send("reset\r")
        #expect(try board.read(until: ">>> ") == "reset\r\nmain\r\n" + FriendlyReplTests.banner + ">>> ")
        #expect(board.board.hardResetCount == 1)
    }

    @Test func bootloaderClosesTheLink() throws {
        let board = try BoardHarness()
        _ = try board.read(until: ">>> ")
        try board.send("bootloader\r")
        #expect(board.board.waitUntilStopped(timeout: .seconds(3)))
        #expect(throws: LinkError.self) {
            for _ in 0..<100 { _ = try board.host.read(maxCount: 100, timeout: .milliseconds(20)) }
        }
    }

    @Test func mainPyRunsInterruptibly() throws {
        let board = try BoardHarness(files: ["main.py": "spin"])
        let text = try board.interrupt(until: ">>> ")
        #expect(text.hasPrefix("Traceback (most recent call last):\r\n  File \"main.py\""))
        #expect(text.hasSuffix("KeyboardInterrupt: \r\n" + FriendlyReplTests.banner + ">>> "))
    }
}
