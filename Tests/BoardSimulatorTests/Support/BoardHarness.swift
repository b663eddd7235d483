import Foundation
import URemoteKit
@testable import BoardSimulator

/// A simulated board on an in-memory link with a scratch flash folder, and the host-side reads
/// the tests need.
final class BoardHarness: @unchecked Sendable {
    let host: InMemoryLink
    let board: SimulatedBoard
    let flash: String
    private var pending: [UInt8] = []

    init(personality: BoardPersonality = .micropython, files: [String: String] = [:],
         baudRate: Int? = nil, faults: FaultInjection = .none, capacity: Int = 2 * 1024 * 1024,
         engine: SimulatedBoard.EngineFactory? = nil, start: Bool = true) throws {
        flash = NSTemporaryDirectory() + "uremote-sim-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: flash, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(toFile: flash + "/" + name, atomically: true, encoding: .utf8)
        }
        let configuration = BoardConfiguration(flashFolder: flash, flashCapacity: capacity,
                                               personality: personality, baudRate: baudRate, faults: faults)
        board = SimulatedBoard(configuration: configuration,
                               engineFactory: engine ?? { services in ScriptedEngine(services: services) })
        let pair = InMemoryLink.makePair(name: "sim:test")
        host = pair.host
        if start { board.start(link: pair.board) }
        boardEnd = pair.board
    }

    private let boardEnd: InMemoryLink

    func powerOn() { board.start(link: boardEnd) }

    deinit {
        host.close()
        board.waitUntilStopped(timeout: .seconds(2))
        try? FileManager.default.removeItem(atPath: flash)
    }

    func send(_ text: String) throws { try host.write(Array(text.utf8)) }
    func send(_ bytes: [UInt8]) throws { try host.write(bytes) }

    /// Reads until the received bytes end with `marker`; returns everything up to and including it.
    func read(until marker: String, timeout: Duration = .seconds(5)) throws -> String {
        String(decoding: try read(untilBytes: Array(marker.utf8), timeout: timeout), as: UTF8.self)
    }

    func read(untilBytes marker: [UInt8], timeout: Duration = .seconds(5)) throws -> [UInt8] {
        let deadline = Date().addingTimeInterval(timeout.seconds)
        while true {
            if let range = pending.firstRange(of: marker) {
                let result = Array(pending[..<range.upperBound])
                pending.removeFirst(range.upperBound)
                return result
            }
            let left = deadline.timeIntervalSinceNow
            if left <= 0 { throw HarnessError.timeout(expected: marker, got: pending) }
            pending += try host.read(maxCount: 4096, timeout: .milliseconds(Int(min(left, 0.2) * 1000) + 1))
        }
    }

    /// Presses Ctrl-C, again every half second as a person would, until `marker` arrives: a
    /// Ctrl-C that lands before the code starts running only reaches the input buffer.
    func interrupt(until marker: String, timeout: Duration = .seconds(15)) throws -> String {
        let deadline = Date().addingTimeInterval(timeout.seconds)
        var collected: [UInt8] = []
        while true {
            try send([0x03])
            do {
                collected += try read(untilBytes: Array(marker.utf8), timeout: .milliseconds(500))
                return String(decoding: collected, as: UTF8.self)
            } catch HarnessError.timeout(_, let got) {
                if Date() > deadline { throw HarnessError.timeout(expected: Array(marker.utf8), got: collected + got) }
            }
        }
    }

    /// Whatever arrives within `duration`.
    func drain(for duration: Duration) throws -> [UInt8] {
        let deadline = Date().addingTimeInterval(duration.seconds)
        while deadline.timeIntervalSinceNow > 0 {
            pending += try host.read(maxCount: 4096, timeout: .milliseconds(20))
        }
        defer { pending.removeAll() }
        return pending
    }
}

enum HarnessError: Error, CustomStringConvertible {
    case timeout(expected: [UInt8], got: [UInt8])

    var description: String {
        switch self {
        case .timeout(let expected, let got):
            return "timed out waiting for \(String(reflecting: String(decoding: expected, as: UTF8.self))); got \(String(reflecting: String(decoding: got, as: UTF8.self)))"
        }
    }
}
