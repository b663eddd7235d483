import Foundation
import Testing
import URemoteKit
@testable import BoardSimulator

@Suite("Board served on a pseudo-terminal")
struct PseudoTerminalServerTests {
    private func makeServer(link: String? = nil) throws -> (PseudoTerminalServer, String, String) {
        let flash = NSTemporaryDirectory() + "uremote-pty-" + UUID().uuidString
        let board = SimulatedBoard(configuration: BoardConfiguration(flashFolder: flash),
                                   engineFactory: { ScriptedEngine(services: $0) })
        let server = PseudoTerminalServer(board: board, linkPath: link)
        return (server, try server.start(), flash)
    }

    /// A client the way pyserial opens a port: its own descriptor on the slave side.
    private func connect(_ path: String) throws -> PseudoTerminalLink {
        try PseudoTerminalLink(path: path)
    }

    private func read(_ link: ByteLink, until marker: String, timeout: Double = 5) throws -> String {
        var got: [UInt8] = []
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            got += try link.read(maxCount: 4096, timeout: .milliseconds(50))
            if String(decoding: got, as: UTF8.self).hasSuffix(marker) { break }
        }
        return String(decoding: got, as: UTF8.self)
    }

    @Test func clientsComeAndGoWhileTheBoardKeepsItsState() throws {
        let (server, path, flash) = try makeServer()
        defer {
            server.stop()
            try? FileManager.default.removeItem(atPath: flash)
        }
        #expect(path.hasPrefix("/dev/pts/"))
        let first = try connect(path)
        try first.write(Array("\r".utf8))
        #expect(try read(first, until: ">>> ").hasSuffix(">>> "))
        try first.write(Array("print('kept')\r".utf8))
        #expect(try read(first, until: "kept\r\n>>> ").hasSuffix("kept\r\n>>> "))
        first.close()

        // Nobody attached: the board must keep running, not die on EIO.
        Thread.sleep(forTimeInterval: 0.3)
        let second = try connect(path)
        defer { second.close() }
        // History lives in the board's RAM: the up arrow recalls the first client's line.
        try second.write(Array("\u{1B}[A".utf8))
        #expect(try read(second, until: "print('kept')").hasSuffix("print('kept')"))
    }

    @Test func linkOptionMakesAStableSymlink() throws {
        let link = NSTemporaryDirectory() + "uremote-pty-link-" + UUID().uuidString
        let (server, path, flash) = try makeServer(link: link)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == path)
        server.stop()
        try? FileManager.default.removeItem(atPath: flash)
        #expect(!FileManager.default.fileExists(atPath: link))
    }

    @Test func linkOptionRefusesToReplaceARegularFile() throws {
        let file = NSTemporaryDirectory() + "uremote-pty-file-" + UUID().uuidString
        try "keep me".write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let board = SimulatedBoard(configuration: BoardConfiguration(flashFolder: file + ".flash"),
                                   engineFactory: { ScriptedEngine(services: $0) })
        let server = PseudoTerminalServer(board: board, linkPath: file)
        #expect(throws: PseudoTerminalServerError.self) { _ = try server.start() }
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "keep me")
    }
}
