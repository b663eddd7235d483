import Foundation
import Testing
import URemoteKit
@testable import BoardSimulator

/// uremote's own session code against the simulated board, with and without injected faults:
/// every fault must end in a `SessionError` a user can read, never a hang or a crash.
@Suite("uremote's session against the simulator")
struct SessionUnderFaultsTests {
    private func session(_ faults: FaultInjection = .none, files: [String: String] = [:]) throws -> (BoardHarness, BoardSession) {
        let board = try BoardHarness(files: files, faults: faults)
        let options = SessionOptions(connectTimeout: .seconds(2), responseTimeout: .seconds(2))
        return (board, BoardSession(link: board.host, options: options))
    }

    @Test func executesOverRawPaste() throws {
        let (board, session) = try session()
        defer { session.close() }
        try session.enterRawRepl(softReset: true)
        // Longer than the plain-raw limit, so it goes raw-paste.
        let result = try session.execute("print('a')" + String(repeating: "\n", count: 1) + "#" + String(repeating: "-", count: 240))
        #expect(String(decoding: result.output, as: UTF8.self) == "a\r\n")
        #expect(session.supportsRawPaste == true)
        _ = board
    }

    @Test func tracebackComesBackAsErrorOutput() throws {
        let (board, session) = try session()
        defer { session.close() }
        try session.enterRawRepl()
        let result = try session.execute("raise")
        #expect(result.errorText.hasSuffix("ValueError: boom\r\n"))
        _ = board
    }

    @Test func disconnectMidCommandIsALinkError() throws {
        let (board, session) = try session(FaultInjection(disconnectAfterBytes: 400))
        defer { session.close() }
        #expect(throws: SessionError.self) {
            try session.enterRawRepl()
            _ = try session.execute("print('" + String(repeating: "z", count: 2000) + "')")
        }
        _ = board
    }

    @Test func resetMidCommandIsReported() throws {
        let (board, session) = try session(FaultInjection(resetAfterReceivedBytes: 40))
        defer { session.close() }
        var caught: SessionError?
        do {
            try session.enterRawRepl()
            _ = try session.execute("print('" + String(repeating: "r", count: 200) + "')")
        } catch {
            caught = error
        }
        #expect(caught != nil)
        #expect(board.board.hardResetCount == 1)
    }

    @Test func slowBoardStillWorks() throws {
        let (board, session) = try session(FaultInjection(responseDelay: .milliseconds(20)))
        defer { session.close() }
        try session.enterRawRepl()
        #expect(String(decoding: try session.execute("print('slow')").output, as: UTF8.self) == "slow\r\n")
        _ = board
    }
}
