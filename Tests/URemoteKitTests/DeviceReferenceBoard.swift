import Foundation
import Testing
@testable import URemoteKit

/// The reference board (`scripts/micropython-board`, through kit's `ReferenceBoard`) with the
/// helpers filesystem tests need: sessions, and a host-side view of the board's flash (the unix
/// port's filesystem is the host's, confined to a scratch folder).
final class DeviceReferenceBoard {
    let board: ReferenceBoard
    var flash: URL { board.flashDirectory }
    var linkPath: String { board.linkPath }

    init(rate: Int? = nil, latencyMs: Int? = nil) throws {
        board = try ReferenceBoard.start(rate: rate, latencyMs: latencyMs)
    }

    /// A session at the raw REPL.
    func session() throws -> BoardSession {
        let link = try PseudoTerminalLink(path: linkPath)
        let session = BoardSession(link: link)
        try session.enterRawRepl()
        return session
    }

    func fileSystem(disabling features: Set<BoardFeature> = [], options: TransferOptions = .init()) throws -> BoardFileSystem {
        BoardFileSystem(runner: try session(), disabledFeatures: features, options: options)
    }

    /// Host view of a board file (the unix port's filesystem is the host's).
    func hostPath(_ path: String) -> String { flash.appendingPathComponent(path).path }

    func write(_ path: String, _ bytes: [UInt8]) throws {
        let url = flash.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    func read(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: hostPath(path)).map { [UInt8]($0) }
    }

    /// Every file name under the flash folder, to prove no temporary file was left behind.
    func allNames() -> [String] {
        (FileManager.default.enumerator(atPath: flash.path)?.allObjects as? [String] ?? []).sorted()
    }

    func stop() { board.stop() }
}

/// Random bytes that do not compress, and source-like text that does.
enum DeviceTestData {
    static func random(_ count: Int, seed: UInt64 = 42) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
    }

    static func source(lines: Int) -> [UInt8] {
        var text = ""
        for i in 0..<lines {
            text += "def handler_\(i)(value, scale=\(i % 7)):\n    return value * scale + \(i)  # keep it simple\n"
        }
        return Array(text.utf8)
    }
}
