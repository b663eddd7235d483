import Foundation
import Testing
@testable import URemoteKit

/// The upload pipeline against an emulated UART board: a receive buffer that drops what
/// overflows, a reader that takes 128-byte pieces and grants credit for each, and a pause after
/// every frame (the board writing flash, verifying, renaming) during which it reads nothing.
@Suite struct DeviceFramePipelineTests {
    final class UartBoard: @unchecked Sendable {
        let link: InMemoryLink
        let capacity: Int
        let unit: Int
        let busy: Duration
        private let condition = NSCondition()
        private var buffer: [UInt8] = []
        private(set) var overflow = 0
        private(set) var kinds: [UInt8] = []
        private var grantsCredit: Bool
        private var consumed = 0
        private var closed = false

        init(link: InMemoryLink, capacity: Int = 256, unit: Int = 128, busy: Duration, grantsCredit: Bool) {
            self.link = link
            self.capacity = capacity
            self.unit = unit
            self.busy = busy
            self.grantsCredit = grantsCredit
            Thread { self.receive() }.start()
            Thread { self.serve() }.start()
        }

        var dropped: Int { condition.lock(); defer { condition.unlock() }; return overflow }
        var frameKinds: [UInt8] { condition.lock(); defer { condition.unlock() }; return kinds }

        /// The UART: bytes land in the buffer the moment they arrive, or are lost.
        private func receive() {
            while true {
                guard let bytes = try? link.read(maxCount: 4096, timeout: .seconds(5)) else {
                    condition.lock(); closed = true; condition.broadcast(); condition.unlock()
                    return
                }
                if bytes.isEmpty { continue }
                condition.lock()
                for byte in bytes {
                    if buffer.count >= capacity { overflow += 1 } else { buffer.append(byte) }
                }
                condition.broadcast()
                condition.unlock()
            }
        }

        /// Exactly `count` bytes, granting credit per `unit` consumed; nil once the host is gone.
        private func take(_ count: Int) -> [UInt8]? {
            var out: [UInt8] = []
            while out.count < count {
                condition.lock()
                while buffer.isEmpty && !closed { condition.wait() }
                if buffer.isEmpty { condition.unlock(); return nil }
                let n = min(count - out.count, buffer.count, unit - consumed % unit)
                out += buffer.prefix(n)
                buffer.removeFirst(n)
                consumed += n
                let credit = grantsCredit && consumed % unit == 0
                condition.unlock()
                if credit { try? link.write([0x01]) }
            }
            return out
        }

        /// The helper's loop, reduced to framing: header, payload, work, answer.
        private func serve() {
            while true {
                guard let header = take(TransferFrame.headerSize),
                      let (kind, length) = TransferFrame.decodeHeader(header[...]),
                      let payload = take(length) else { return }
                condition.lock(); kinds.append(kind); condition.unlock()
                if kind == FrameKind.quit.rawValue { return }
                if kind == FrameKind.mode.rawValue { grantsCredit = payload != Array("0".utf8) }
                Thread.sleep(forTimeInterval: busy.seconds)
                try? link.write([0x06])
            }
        }
    }

    /// Twenty small files' worth of frames: open, data, commit.
    private func sendFiles(_ pipeline: inout FramePipeline) throws {
        for file in 0..<20 {
            try pipeline.send(TransferFrame.encode(.open, Array("dir/file\(file).py".utf8)), file: file)
            try pipeline.send(TransferFrame.encode(.data, [UInt8](repeating: UInt8(file), count: 300 + file * 97)), file: file)
            try pipeline.send(TransferFrame.encode(.commit, Array("123/\(String(repeating: "ab", count: 32))".utf8)), file: file)
        }
        try pipeline.drain()
    }

    @Test func creditPacingNeverOverrunsABusyBoard() throws {
        let (host, boardEnd) = InMemoryLink.makePair()
        defer { host.close() }
        let board = UartBoard(link: boardEnd, busy: .milliseconds(2), grantsCredit: true)
        var pipeline = FramePipeline(reader: LinkReader(link: host, timeout: .seconds(5)), link: host,
                                     pacing: LinkPacing(flowControlled: false), paced: true, creditUnit: 128, deepWindow: 1 << 16)
        try sendFiles(&pipeline)
        #expect(board.dropped == 0)
        #expect(board.frameKinds.count == 60, "every frame arrived whole and was answered")
        #expect(pipeline.firstFailure == nil)
    }

    /// The same board with the host running a deep window ahead loses bytes: what the pacing is for.
    @Test func aDeepWindowOverrunsTheSameBoard() throws {
        let (host, boardEnd) = InMemoryLink.makePair()
        defer { host.close() }
        let board = UartBoard(link: boardEnd, busy: .milliseconds(2), grantsCredit: false)
        var pipeline = FramePipeline(reader: LinkReader(link: host, timeout: .milliseconds(300)), link: host,
                                     pacing: LinkPacing(flowControlled: true), paced: false, creditUnit: 128, deepWindow: 1 << 16)
        _ = try? sendFiles(&pipeline)
        #expect(board.dropped > 0)
    }

    @Test func aFastLinkSwitchesTheBoardToDeepMode() throws {
        let (host, boardEnd) = InMemoryLink.makePair()
        defer { host.close() }
        let board = UartBoard(link: boardEnd, capacity: 1 << 20, busy: .zero, grantsCredit: true)
        let pacing = LinkPacing()
        var pipeline = FramePipeline(reader: LinkReader(link: host, timeout: .seconds(5)), link: host,
                                     pacing: pacing, paced: true, creditUnit: 128, deepWindow: 1 << 16)
        try sendFiles(&pipeline)
        #expect(pacing.isFlowControlled)
        #expect(pacing.measuredRate > LinkPacing.uartRateCeiling)
        #expect(board.frameKinds.contains(FrameKind.mode.rawValue), "the board was told to stop granting credit")
        #expect(board.dropped == 0)
    }

    @Test func startingModeFollowsTheLinkAndTheBoard() {
        let (memory, _) = InMemoryLink.makePair()
        #expect(LinkPacing().startsFlowControlled(link: memory, capabilities: BoardCapabilities()) == false)
        #expect(LinkPacing(flowControlled: true).startsFlowControlled(link: memory, capabilities: BoardCapabilities()))
        let slow = LinkPacing()
        slow.observe(bytes: 4096, seconds: 4096 / 46_080)
        #expect(!slow.isFlowControlled, "a 460800-baud UART stays credit-paced")
        let frozen = LinkPacing(flowControlled: false)
        frozen.observe(bytes: 1 << 20, seconds: 0.01)
        #expect(!frozen.isFlowControlled, "a caller's decision is kept")
    }
}
