import Foundation
import Testing
import URemoteKit
@testable import BoardSimulator

@Suite("Baud rate, UART overflow and fault injection")
struct LinkRealismTests {
    @Test func baudRatePacesOutput() throws {
        // 9600 baud is 960 bytes/s: the ~110-byte banner takes over 0.1 s.
        let started = Date()
        let board = try BoardHarness(baudRate: 9600)
        _ = try board.read(until: ">>> ")
        #expect(Date().timeIntervalSince(started) > 0.1)
    }

    @Test func receiveBufferOverflowsWhileCodeIgnoresInput() throws {
        let board = try BoardHarness(baudRate: 1_000_000)
        _ = try board.read(until: ">>> ")
        try board.send("sleep\r")
        _ = try board.read(until: "sleep\r\n")
        try board.send(Array(repeating: UInt8(ascii: "x"), count: 1000))
        Thread.sleep(forTimeInterval: 0.3)
        try board.send([0x03])
        _ = try board.read(until: ">>> ")
        #expect(board.board.droppedReceiveBytes == 1000 - 256)
    }

    @Test func usbBoardHoldsTheSenderBackInsteadOfDropping() throws {
        let board = try BoardHarness()
        _ = try board.read(until: ">>> ")
        try board.send("\u{1}")
        _ = try board.read(until: "\r\n>")
        let line = "print('" + String(repeating: "y", count: 20_000) + "')"
        try board.send(line + "\u{4}")
        let reply = try board.read(until: "\u{4}>", timeout: .seconds(10))
        #expect(reply.utf8.count == 2 + 20_000 + 2 + 3)
        #expect(board.board.droppedReceiveBytes == 0)
    }

    @Test func disconnectAfterClosesTheLink() throws {
        let board = try BoardHarness(faults: FaultInjection(disconnectAfterBytes: 50))
        var received: [UInt8] = []
        #expect(throws: LinkError.self) {
            for _ in 0..<200 { received += try board.host.read(maxCount: 4096, timeout: .milliseconds(20)) }
        }
        #expect(received.count == 50)
    }

    @Test func dropRateLosesBytes() throws {
        let board = try BoardHarness(faults: FaultInjection(dropRate: 0.5, seed: 42))
        let got = try board.drain(for: .milliseconds(300))
        let banner = FriendlyReplTests.banner + ">>> "
        #expect(got.count < banner.utf8.count * 3 / 4)
        #expect(got.count > 0)
    }

    @Test func corruptRateFlipsBits() throws {
        let board = try BoardHarness(faults: FaultInjection(corruptRate: 0.3, seed: 7))
        let got = try board.drain(for: .milliseconds(300))
        let banner = Array((FriendlyReplTests.banner + ">>> ").utf8)
        #expect(got.count == banner.count)
        #expect(got != banner)
    }

    @Test func resetAfterBytesRebootsMidCommand() throws {
        let board = try BoardHarness(faults: FaultInjection(resetAfterReceivedBytes: 10))
        _ = try board.read(until: ">>> ")
        try board.send("\u{1}print('never printed')\u{4}")
        let text = try board.read(until: ">>> ")
        #expect(text.contains(FriendlyReplTests.banner))
        #expect(!text.contains("never printed"))
        #expect(board.board.hardResetCount == 1)
    }

    @Test func slowBoardDelaysEveryReply() throws {
        let board = try BoardHarness(faults: FaultInjection(responseDelay: .milliseconds(100)))
        _ = try board.read(until: ">>> ")
        let started = Date()
        try board.send("ab")
        _ = try board.read(until: "ab")
        #expect(Date().timeIntervalSince(started) >= 0.2)
    }

    @Test func faultSpecParses() throws {
        let faults = try FaultInjection.parse("drop=0.01,corrupt=0.001,disconnect-after=5000,reset-after=300,delay-ms=5,seed=7")
        #expect(faults == FaultInjection(dropRate: 0.01, corruptRate: 0.001, disconnectAfterBytes: 5000,
                                         resetAfterReceivedBytes: 300, responseDelay: .milliseconds(5), seed: 7))
        #expect(throws: FaultSpecError.self) { try FaultInjection.parse("drop=2") }
        #expect(throws: FaultSpecError.self) { try FaultInjection.parse("explode=1") }
    }
}
