import Foundation

/// Exact-length, time-bounded reads from a link while a helper function streams.
///
/// It never reads past what it was asked for, so the bytes that end the raw-REPL execution stay
/// on the link for the session to consume.
struct LinkReader {
    let link: ByteLink
    /// The longest silence tolerated before a read fails; the board answers every frame well
    /// within this on any link uremote supports.
    var timeout: Duration

    func readExactly(_ count: Int) throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(count)
        var deadline = ContinuousClock.now + timeout
        while out.count < count {
            let now = ContinuousClock.now
            if now >= deadline {
                throw BoardFileError.session("\(link.name): the board stopped answering during a transfer "
                    + "(\(out.count) of \(count) bytes after \(timeout)); reconnect and try again")
            }
            let bytes: [UInt8]
            do { bytes = try link.read(maxCount: count - out.count, timeout: deadline - now) }
            catch { throw BoardFileError.session(error.description) }
            if !bytes.isEmpty {
                out.append(contentsOf: bytes)
                deadline = ContinuousClock.now + timeout
            }
        }
        return out
    }

    func readByte() throws -> UInt8 {
        try readExactly(1)[0]
    }

    /// Bytes up to (not including) `terminator`.
    func readLine(terminator: UInt8 = 0x0A, limit: Int = 4096) throws -> [UInt8] {
        var out: [UInt8] = []
        while out.count < limit {
            let b = try readByte()
            if b == terminator { return out }
            out.append(b)
        }
        return out
    }

    /// Everything up to the raw REPL's end-of-execution marker `\x04>` after an unexpected
    /// answer, split into stdout and stderr as the raw REPL frames them.
    func readExecutionTail(startingWith first: [UInt8]) throws -> BoardOutput {
        var all = first
        while !(all.count >= 2 && all[all.count - 2] == 0x04 && all[all.count - 1] == 0x3E) {
            all.append(try readByte())
        }
        let parts = all.split(separator: 0x04, omittingEmptySubsequences: false)
        let out = parts.count > 0 ? Array(parts[0]) : []
        let err = parts.count > 1 ? Array(parts[1]) : []
        return BoardOutput(output: out, errorOutput: err)
    }
}
