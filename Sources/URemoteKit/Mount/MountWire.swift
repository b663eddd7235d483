/// The framing between the board-side agent and the host, shared by `MountAgentSource` (board
/// side) and `MountLink`/`MountFileServer` (host side).
///
/// A request is `18 A7`, a 4-byte token chosen at random for each mount, the op, the payload
/// length (2 bytes, little-endian) and a check byte over token, op and length, then the payload.
/// Ordinary program output could only be taken for a request by printing those ten bytes exactly,
/// which needs the token: a stray `\x18` (mpremote's trigger) or even our own magic passes through
/// untouched. An answer is `18 A7`, an errno status byte, a 4-byte length and the payload; the
/// agent skips whatever precedes the `18 A7`, so keys typed while a request is in flight cannot
/// shift the answer.
public enum MountWire {
    /// Where the folder appears on the board, as with mpremote.
    public static let mountPoint = "/remote"
    static let magic: [UInt8] = [0x18, 0xA7]
    static let tokenCount = 4
    static let headerCount = 10
    /// Reads are served in blocks this large; a module up to this size arrives with its `open`.
    static let readBlock = 4096
    /// A directory with more entries is not pushed to the agent's stat cache.
    static let listingLimit = 64
    /// How long the agent trusts a pushed listing; long enough for an import burst, short enough
    /// that a file saved on the host is seen moments later.
    static let listingLifetimeMilliseconds = 1500
    /// The answer status that says "payload is raw DEFLATE, inflate it; the request succeeded".
    static let deflatedStatus: UInt8 = 255

    /// The check byte of a request header.
    static func check(token: [UInt8], op: UInt8, lengthLow: UInt8, lengthHigh: UInt8) -> UInt8 {
        let sum = token.reduce(0) { $0 + Int($1) } + Int(op) + Int(lengthLow) + Int(lengthHigh)
        return UInt8(sum & 0xFF) ^ 0xA5
    }

    /// A complete request frame, as the agent writes it (used by tests to play the board).
    static func request(token: [UInt8], op: MountOp, payload: [UInt8]) -> [UInt8] {
        let low = UInt8(payload.count & 0xFF), high = UInt8(payload.count >> 8)
        return magic + token + [op.rawValue, low, high,
                                check(token: token, op: op.rawValue, lengthLow: low, lengthHigh: high)] + payload
    }

    /// An answer frame for the agent.
    static func answer(status: UInt8, payload: [UInt8]) -> [UInt8] {
        var bytes = magic
        bytes.append(status)
        bytes.appendLittleEndian(UInt32(payload.count))
        bytes.append(contentsOf: payload)
        return bytes
    }
}

/// What the agent asks of the host; the numbers are wired into `MountAgentSource`.
enum MountOp: UInt8, Sendable {
    case stat = 1, list, open, read, write, close, remove, rename, mkdir, rmdir, statvfs
    /// Sent after every answer, never answered: the keys the agent set aside while waiting (the
    /// host sends them again), and the signal that keys may flow to the board directly again.
    case answered
}

/// One validated request from the board.
struct MountRequest: Equatable, Sendable {
    let op: MountOp
    let payload: [UInt8]
}

extension Array where Element == UInt8 {
    mutating func appendLittleEndian(_ value: UInt32) {
        append(UInt8(value & 0xFF))
        append(UInt8(value >> 8 & 0xFF))
        append(UInt8(value >> 16 & 0xFF))
        append(UInt8(value >> 24))
    }
}
