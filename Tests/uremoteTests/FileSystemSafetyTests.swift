import Foundation
import Testing

/// A `uremote cp` killed halfway leaves the board's file as it was and no temporary file behind.
@Suite(.serialized) struct FileSystemSafetyTests {
    @Test func killedUploadLeavesTheDestinationUntouched() throws {
        let board = try ReferenceBoard()
        defer { board.stop() }
        let original = Data("the good version\n".utf8)
        try original.write(to: board.flash.appendingPathComponent("victim.bin"))
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("uremote-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let big = scratch.appendingPathComponent("big.bin")
        var generator = SystemRandomNumberGenerator()
        try Data((0..<40_000_000).map { _ in UInt8.random(in: 0...255, using: &generator) }).write(to: big)

        let process = Process()
        process.executableURL = Uremote.binary
        process.arguments = ["-q", "connect", board.link, "cp", big.path, ":victim.bin"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Kill it once the temporary file exists on the board, i.e. mid-transfer.
        let temp = board.flash.appendingPathComponent("victim.bin.uremote-tmp").path
        let deadline = Date().addingTimeInterval(20)
        while !FileManager.default.fileExists(atPath: temp) && process.isRunning && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.005)
        }
        Thread.sleep(forTimeInterval: 0.1)
        let wasRunning = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(wasRunning, "the upload must still be running when killed, or this test proves nothing")

        // The next session interrupts the board (Ctrl-C stays live during transfers) and the helper
        // removes its temporary file on the way out.
        Thread.sleep(forTimeInterval: 0.5)
        let probe = try board.uremote(["ls"], timeout: 20)
        #expect(probe.status == 0, "the next command recovers the board at once: \(probe.stderr)")
        #expect(try Data(contentsOf: board.flash.appendingPathComponent("victim.bin")) == original)
        let names = try FileManager.default.contentsOfDirectory(atPath: board.flash.path)
        #expect(names == ["victim.bin"], "no temporary file is left: \(names)")
        let next = try board.uremote(["cp", "-f", big.path, ":victim.bin"], timeout: 60)
        #expect(next.status == 0, "the board works normally afterwards: \(next.stderr)")
        #expect(try Data(contentsOf: board.flash.appendingPathComponent("victim.bin")) == Data(contentsOf: big))
    }
}
