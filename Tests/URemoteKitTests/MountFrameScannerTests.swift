import Testing
@testable import URemoteKit

/// The scanner must find every real request and never alter or swallow program output.
@Suite struct MountFrameScannerTests {
    let token: [UInt8] = [0x11, 0x22, 0x33, 0x44]

    private func run(_ chunks: [[UInt8]]) -> (output: [UInt8], requests: [MountRequest], holding: Bool) {
        var scanner = MountFrameScanner(token: token)
        var output: [UInt8] = []
        var requests: [MountRequest] = []
        for chunk in chunks {
            for piece in scanner.feed(chunk) {
                switch piece {
                case .output(let bytes): output += bytes
                case .request(let request): requests.append(request)
                }
            }
        }
        return (output, requests, scanner.isHolding)
    }

    @Test func findsARequestSplitAtEveryByte() {
        let frame = MountWire.request(token: token, op: .stat, payload: Array("\u{1}/mod.py".utf8))
        let stream = Array("before".utf8) + frame + Array("after".utf8)
        let result = run(stream.map { [$0] })
        #expect(result.output == Array("beforeafter".utf8))
        #expect(result.requests == [MountRequest(op: .stat, payload: Array("\u{1}/mod.py".utf8))])
        #expect(!result.holding)
    }

    @Test func outputThatOnlyResemblesARequestPassesThroughUnchanged() {
        let good = MountWire.request(token: token, op: .read, payload: [1, 2, 3])
        var wrongToken = good
        wrongToken[3] ^= 0xFF
        var wrongCheck = good
        wrongCheck[9] ^= 0x01
        var unknownOp = good
        unknownOp[6] = 0xEE
        let lookalikes: [[UInt8]] = [[0x18], [0x18, 0x18], MountWire.magic, wrongToken, wrongCheck, unknownOp,
                                     [0x18, 0xA7, 0x11, 0x22, 0x33]]
        for lookalike in lookalikes {
            let stream = Array("x".utf8) + lookalike + Array("y".utf8)
            let whole = run([stream])
            #expect(whole.output == stream)
            #expect(whole.requests.isEmpty)
            let split = run(stream.map { [$0] })
            #expect(split.output == stream)
        }
    }

    @Test func aRealRequestRightAfterAStrayEscapeIsStillFound() {
        let frame = MountWire.request(token: token, op: .close, payload: [0, 0, 0, 1])
        let result = run([[0x18, 0x18, 0xA7] + frame])
        #expect(result.output == [0x18, 0x18, 0xA7])
        #expect(result.requests.count == 1)
    }

    @Test func heldBytesAreReleasedButAValidatedHeaderIsNot() {
        var scanner = MountFrameScanner(token: token)
        _ = scanner.feed([0x41, 0x18, 0xA7, 0x11])
        #expect(scanner.isHolding)
        #expect(scanner.releaseHeld() == [0x18, 0xA7, 0x11])
        let frame = MountWire.request(token: token, op: .write, payload: [9, 9, 9, 9, 9])
        _ = scanner.feed(Array(frame.prefix(12)))
        #expect(scanner.holdsValidatedHeader)
        #expect(scanner.releaseHeld().isEmpty)
        let rest = scanner.feed(Array(frame.dropFirst(12)))
        #expect(rest == [.request(MountRequest(op: .write, payload: [9, 9, 9, 9, 9]))])
    }
}
