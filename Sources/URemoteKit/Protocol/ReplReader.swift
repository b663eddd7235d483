/// Buffered reads from a link with deadlines, for the pattern-matching the raw REPL needs.
///
/// Handshake reads ask the link for exactly the bytes still needed, so that when the board starts a
/// streaming program right after its `OK`, nothing the program sends is swallowed here: the caller
/// of `BoardSession.startExecution` reads the link directly.
final class ReplReader {
    let link: ByteLink
    /// Bytes received but not yet consumed.
    private(set) var pending: [UInt8] = []
    /// Set whenever any byte arrives; lets callers tell "silent board" from "board said nonsense".
    private(set) var receivedAnything = false

    init(link: ByteLink) {
        self.link = link
    }

    /// Reads once (up to `maxCount` bytes, blocking at most until the deadline's next slice);
    /// false when nothing came.
    @discardableResult
    func fill(maxCount: Int, deadline: Deadline) throws(LinkError) -> Bool {
        // A passed deadline still polls once, so "what has arrived by now" is always answered.
        let bytes = try link.read(maxCount: max(1, maxCount), timeout: deadline.nextSlice())
        if bytes.isEmpty { return false }
        receivedAnything = true
        pending.append(contentsOf: bytes)
        return true
    }

    /// Exactly `count` bytes, or nil when the deadline passes first (what did arrive stays pending).
    func read(exactly count: Int, deadline: Deadline) throws(LinkError) -> [UInt8]? {
        while pending.count < count {
            if deadline.hasPassed { return nil }
            try fill(maxCount: count - pending.count, deadline: deadline)
        }
        return take(count)
    }

    /// Consumes bytes up to and including the first occurrence of `terminator`; nil on deadline.
    /// Reads one byte at a time when `exact` so nothing after the terminator leaves the link.
    func read(through terminator: [UInt8], deadline: Deadline, exact: Bool = true) throws(LinkError) -> [UInt8]? {
        var searchFrom = 0
        while true {
            if let end = Self.find(terminator, in: pending, from: searchFrom) {
                return take(end)
            }
            searchFrom = max(0, pending.count - terminator.count + 1)
            if deadline.hasPassed { return nil }
            try fill(maxCount: exact ? 1 : 4096, deadline: deadline)
        }
    }

    /// Reads until `match` finds its pattern in the pending bytes, returns what it matched
    /// (consumed through the end of the match), or nil on deadline.
    func read(until match: ([UInt8]) -> Int?, deadline: Deadline, exact: Bool = true) throws(LinkError) -> [UInt8]? {
        while true {
            if let end = match(pending) { return take(end) }
            if deadline.hasPassed { return nil }
            try fill(maxCount: exact ? 1 : 4096, deadline: deadline)
        }
    }

    /// Throws away what the board sends until it has been quiet for `quiet` (or `limit` passes);
    /// returns false when the board was still talking at the limit.
    func drain(quiet: Duration, limit: Duration) throws(LinkError) -> Bool {
        pending.removeAll()
        let end = Deadline(after: limit)
        while !end.hasPassed {
            let bytes = try link.read(maxCount: 4096, timeout: min(quiet, end.nextSlice()))
            if bytes.isEmpty { return true }
            receivedAnything = true
        }
        return false
    }

    /// Removes and returns everything pending.
    @discardableResult
    func takeAll() -> [UInt8] {
        defer { pending.removeAll() }
        return pending
    }

    /// Removes and returns the first `count` pending bytes.
    @discardableResult
    func take(_ count: Int) -> [UInt8] {
        let head = Array(pending.prefix(count))
        pending.removeFirst(min(count, pending.count))
        return head
    }

    func resetActivity() { receivedAnything = false }

    /// End index (exclusive) of the first `needle` in `haystack` at or after `from`.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int = 0) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        var i = max(0, from)
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == needle[0] {
                var j = 1
                while j < needle.count && haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i + needle.count }
            }
            i += 1
        }
        return nil
    }
}
