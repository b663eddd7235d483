import Foundation
import Testing

/// `auto` (the default device) finds a board served by `uremote sim serve` when no USB board is
/// attached, so `MPREMOTE=uremote`-style scripts work against a served simulator unchanged.
@Suite(.serialized) struct AutoConnectTests {
    @Test func autoReachesAServedSimulatorAndForgetsItWhenItStops() throws {
        let runtime = FileManager.default.temporaryDirectory.appendingPathComponent("uremote-runtime-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: runtime) }
        try FileManager.default.createDirectory(at: runtime, withIntermediateDirectories: true)
        let environment = ["XDG_RUNTIME_DIR": runtime.path]
        let devices = try Uremote.run(["devs"], environment: environment)
        try #require(!devices.stdout.contains("[sim serve]"), "a fresh runtime folder lists no served board")

        let board = try ServedSimulator(environment: environment)
        let listed = try Uremote.run(["devs"], environment: environment)
        #expect(listed.stdout.contains("\(board.link) None 0000:0000 uremote simulator [sim serve]"), "\(listed.stdout)")
        let found = try Uremote.run(["exec", "print('served', 6 * 7)"], environment: environment, timeout: 30)
        #expect(found.status == 0, "\(found.stderr)")
        #expect(found.stdout.replacingOccurrences(of: "\r\n", with: "\n") == "served 42\n")
        board.stop()

        let gone = try Uremote.run(["exec", "print(1)"], environment: environment, timeout: 30)
        #expect(gone.status == 1)
        #expect(gone.stderr.hasPrefix("uremote: no board found"), "\(gone.stderr)")
    }
}
