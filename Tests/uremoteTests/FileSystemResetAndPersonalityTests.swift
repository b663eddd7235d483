import Foundation
import Testing

/// File commands across board resets, and uremote's CircuitPython fallbacks exercised on the
/// simulator's CircuitPython personality (no `os.ilistdir`, no `micropython.kbd_intr`, a flash that
/// is read-only to Python while the USB drive is attached).
@Suite(.serialized) struct FileSystemResetAndPersonalityTests {
    static func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("uremote-fsreset-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// A soft reset wipes the helper functions from the board's RAM; the next file command in the
    /// same chain must notice and install them again rather than fail with a NameError.
    @Test func copyAfterSoftResetInTheSameChain() throws {
        let board = try ReferenceBoard()
        defer { board.stop() }
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("f.py")
        try Data("print('hi')\n".utf8).write(to: file)

        let chained = try Uremote.run(["connect", board.link, "ls", "+", "soft-reset", "+", "cp", file.path, ":x.py"])
        #expect(chained.status == 0, "\(chained.stderr)")
        #expect(try String(contentsOf: board.flash.appendingPathComponent("x.py"), encoding: .utf8) == "print('hi')\n")

        // A reset the CLI did not ask for (machine.soft_reset() in user code) wipes them as well.
        let wipe = "for k in [k for k in globals() if k.startswith('_ur_')]: del globals()[k]"
        let behindOurBack = try Uremote.run(["connect", board.link, "ls", "+", "exec", wipe,
                                             "+", "cp", file.path, ":y.py"])
        #expect(behindOurBack.status == 0, "\(behindOurBack.stderr)")
        #expect(FileManager.default.fileExists(atPath: board.flash.appendingPathComponent("y.py").path))
    }

    @Test func circuitPythonBoardListsCopiesAndExplainsReadOnlyFlash() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let flash = dir.appendingPathComponent("flash")
        try FileManager.default.createDirectory(at: flash, withIntermediateDirectories: true)
        try Data("print('code')\n".utf8).write(to: flash.appendingPathComponent("code.py"))
        let local = dir.appendingPathComponent("lib.py")
        try Data("X = 1\n".utf8).write(to: local)
        let device = "sim:\(flash.path)?personality=circuitpython"

        // No os.ilistdir on CircuitPython: ls falls back to listdir + stat and still lists sizes.
        let listing = try Uremote.run(["connect", device, "ls"], timeout: 30)
        #expect(listing.status == 0, "\(listing.stderr)")
        #expect(listing.stdout.contains("code.py"))

        // The USB drive is attached, so Python may not write: a one-line explanation with the ways out.
        let refused = try Uremote.run(["connect", device, "cp", local.path, ":lib.py"], timeout: 30)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("storage.remount"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: flash.appendingPathComponent("lib.py").path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: flash.path).filter { $0.contains("uremote-tmp") }
        #expect(leftovers.isEmpty)

        // Reading works whatever the drive's state.
        let cat = try Uremote.run(["connect", device, "cat", ":code.py"], timeout: 30)
        #expect(cat.status == 0, "\(cat.stderr)")
        #expect(cat.stdout.contains("print('code')"))
    }
}
