import Foundation
import Testing
@testable import BoardSimulator

/// mpremote's raw REPL and raw-paste handshakes against the board's REPL driver, with the
/// scripted engine, so protocol faults show up apart from interpreter faults.
@Suite("mpremote handshakes with a scripted board")
struct MpremoteProtocolTests {
    @Test func execAndSoftResetHandshakes() throws {
        let mpremote = try ToolProcess.find("mpremote", hint: "run scripts/install-deps (pip install mpremote)")
        let flash = NSTemporaryDirectory() + "uremote-handshake-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: flash) }
        try FileManager.default.createDirectory(atPath: flash, withIntermediateDirectories: true)
        try "print('main ran')".write(toFile: flash + "/main.py", atomically: true, encoding: .utf8)
        let board = SimulatedBoard(configuration: BoardConfiguration(flashFolder: flash),
                                   engineFactory: { ScriptedEngine(services: $0) })
        let server = PseudoTerminalServer(board: board, linkPath: nil)
        let path = try server.start()
        defer { server.stop() }

        let exec = try ToolProcess.run(mpremote, ["connect", path, "exec", "print('hi')"], timeout: 30)
        #expect(exec.status == 0, "\(exec.errors)")
        #expect(exec.output == "hi\r\n")

        let failing = try ToolProcess.run(mpremote, ["connect", path, "exec", "raise"], timeout: 30)
        #expect(failing.status == 1)
        #expect(failing.output.contains("ValueError: boom"))

        let reset = try ToolProcess.run(mpremote, ["connect", path, "soft-reset", "exec", "print('after')"], timeout: 30)
        #expect(reset.status == 0, "\(reset.errors)")
        #expect(reset.output == "after\r\n")
    }
}
