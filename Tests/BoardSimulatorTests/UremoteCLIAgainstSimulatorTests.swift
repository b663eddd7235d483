import Foundation
import Testing
@testable import BoardSimulator

/// The scenarios uremote's CLI tests run against real MicroPython, run against the simulator,
/// both in-process (`connect sim:PATH`) and on a pty (`sim serve`), through the built binary.
@Suite("uremote CLI against the simulator", .serialized)
final class UremoteCLIAgainstSimulatorTests {
    enum Kind: String, CaseIterable, Sendable { case inProcess, pty }

    let scratch = NSTemporaryDirectory() + "uremote-cli-sim-" + UUID().uuidString
    private var served: ServedBoard?

    deinit {
        served?.stop()
        try? FileManager.default.removeItem(atPath: scratch)
    }

    private func device(_ kind: Kind) throws -> String {
        switch kind {
        case .inProcess:
            return "sim:" + scratch + "/flash"
        case .pty:
            if served == nil { served = try ServedBoard(flash: scratch + "/flash") }
            return served!.path
        }
    }

    private func uremote(_ kind: Kind, _ arguments: [String]) throws -> ToolProcess.Result {
        try ToolProcess.run(try ToolProcess.uremoteBinary(), ["connect", try device(kind)] + arguments, timeout: 30)
    }

    @Test(arguments: Kind.allCases)
    func execPrints(kind: Kind) throws {
        let outcome = try uremote(kind, ["exec", "print(1+1)"])
        #expect(outcome.status == 0, "\(outcome.errors)")
        #expect(outcome.output == "2\r\n")
        #expect(outcome.errors.isEmpty)
    }

    @Test(arguments: Kind.allCases)
    func stateCarriesAcrossChainedCommands(kind: Kind) throws {
        let chained = try uremote(kind, ["exec", "x=5", "+", "eval", "x"])
        #expect(chained.status == 0, "\(chained.errors)")
        #expect(chained.output.trimmingCharacters(in: .whitespacesAndNewlines) == "5")
    }

    @Test func stateCarriesAcrossInvocationsOnAServedBoard() throws {
        #expect(try uremote(.pty, ["exec", "kept=41"]).status == 0)
        #expect(try uremote(.pty, ["eval", "kept+1"]).output.trimmingCharacters(in: .whitespacesAndNewlines) == "42")
    }

    @Test(arguments: Kind.allCases)
    func softResetClearsState(kind: Kind) throws {
        let outcome = try uremote(kind, ["exec", "x=5", "+", "soft-reset", "+", "eval", "x"])
        #expect(outcome.status == 1)
        #expect(outcome.errors.contains("NameError"), "\(outcome.errors)")
    }

    @Test(arguments: Kind.allCases)
    func exceptionGoesToStderrWithStatusOne(kind: Kind) throws {
        let outcome = try uremote(kind, ["exec", "print('before'); 1/0"])
        #expect(outcome.status == 1)
        #expect(outcome.output.hasPrefix("before"))
        #expect(outcome.errors.contains("ZeroDivisionError"))
        #expect(outcome.errors.contains("Traceback"))
    }

    @Test(arguments: Kind.allCases)
    func multiByteCharactersSurvive(kind: Kind) throws {
        let text = String(repeating: "héllo wörld ✓ ", count: 100)
        let outcome = try uremote(kind, ["exec", "print('\(text)')"])
        #expect(outcome.output.trimmingCharacters(in: .newlines) == text)
    }

    @Test(arguments: Kind.allCases)
    func filesWrittenByTheBoardLandInTheFlashFolder(kind: Kind) throws {
        let outcome = try uremote(kind, ["exec", "f = open('note.txt', 'w'); f.write('on flash'); f.close()"])
        #expect(outcome.status == 0, "\(outcome.errors)")
        #expect(try String(contentsOfFile: scratch + "/flash/note.txt", encoding: .utf8) == "on flash")
    }
}
