import Foundation

/// One end of an in-process byte pipe; `InMemoryLink.makePair()` returns both ends.
///
/// This is how the in-process simulator is reached (`connect sim`): the board holds one end, the
/// session the other, and neither can tell it from a serial cable. Tests use it to script a board.
public final class InMemoryLink: ByteLink, @unchecked Sendable {
    public let name: String
    private let inbox: ByteQueue
    private let outbox: ByteQueue

    private init(name: String, inbox: ByteQueue, outbox: ByteQueue) {
        self.name = name
        self.inbox = inbox
        self.outbox = outbox
    }

    /// Two connected ends: bytes written to one are read from the other.
    public static func makePair(name: String = "memory") -> (host: InMemoryLink, board: InMemoryLink) {
        let toBoard = ByteQueue()
        let toHost = ByteQueue()
        return (InMemoryLink(name: name, inbox: toHost, outbox: toBoard),
                InMemoryLink(name: name, inbox: toBoard, outbox: toHost))
    }

    public func write(_ bytes: [UInt8]) throws(LinkError) {
        guard outbox.push(bytes) else { throw LinkError.closed("\(name): link closed") }
    }

    public func read(maxCount: Int, timeout: Duration) throws(LinkError) -> [UInt8] {
        guard let bytes = inbox.pop(maxCount: maxCount, timeout: timeout) else {
            throw LinkError.closed("\(name): link closed")
        }
        return bytes
    }

    public func close() {
        inbox.close()
        outbox.close()
    }
}

/// A closable FIFO of bytes with a blocking, time-bounded pop.
final class ByteQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var buffer: [UInt8] = []
    private var start = 0
    private var closed = false

    /// Appends bytes; false once the queue is closed.
    func push(_ bytes: [UInt8]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        if closed { return false }
        buffer.append(contentsOf: bytes)
        condition.broadcast()
        return true
    }

    /// Up to `maxCount` bytes, `[]` on timeout, nil when closed and drained.
    func pop(maxCount: Int, timeout: Duration) -> [UInt8]? {
        let deadline = Date().addingTimeInterval(timeout.seconds)
        condition.lock()
        defer { condition.unlock() }
        while start == buffer.count {
            if closed { return nil }
            if !condition.wait(until: deadline) { return start == buffer.count ? (closed ? nil : []) : take(maxCount) }
        }
        return take(maxCount)
    }

    private func take(_ maxCount: Int) -> [UInt8] {
        let end = min(buffer.count, start + max(1, maxCount))
        let bytes = Array(buffer[start..<end])
        start = end
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        } else if start > 65536 {
            buffer.removeFirst(start)
            start = 0
        }
        return bytes
    }

    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }
}

extension Duration {
    /// The duration as floating-point seconds, for APIs that take `TimeInterval`.
    public var seconds: Double {
        let (s, attos) = components
        return Double(s) + Double(attos) / 1e18
    }
}
