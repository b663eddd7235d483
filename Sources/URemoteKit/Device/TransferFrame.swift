import Foundation

/// One unit of the transfer stream between host and board helper: a kind letter, six hex digits of
/// payload length, the payload.
///
/// A text header keeps the same framing usable in the base64 fallback (where only printable bytes
/// may cross) and is cheap for the board to parse; the fixed width lets the board read it with a
/// single exact-length read.
enum FrameKind: UInt8 {
    /// Open: payload is the UTF-8 destination path; the board opens `path.uremote-tmp`.
    case open = 0x4F // O
    /// Raw bytes to append.
    case data = 0x44 // D
    /// Raw-DEFLATE bytes to inflate and append.
    case deflated = 0x5A // Z
    /// Base64 text to decode and append.
    case base64 = 0x42 // B
    /// Commit: payload `SIZE/SHA256HEX`; the board verifies and renames into place.
    case commit = 0x43 // C
    /// After a read-back on boards without hashlib: rename the verified temporary file.
    case rename = 0x52 // R
    /// Abandon the current file and delete its temporary file.
    case abort = 0x41 // A
    /// Leave the receive loop.
    case quit = 0x51 // Q
    /// Payload: the credit unit in decimal, `0` to stop granting credit (the link proved fast).
    case mode = 0x4D // M
    /// Board-to-host: the file could not be opened; payload-less, the length is the errno.
    case error = 0x45 // E
}

struct TransferFrame {
    static let headerSize = 7
    static let maxPayload = 0xFF_FFFF

    static func encode(_ kind: FrameKind, _ payload: some Collection<UInt8>) -> [UInt8] {
        var out = [kind.rawValue]
        out.reserveCapacity(headerSize + payload.count)
        let digits = Array("0123456789abcdef".utf8)
        let n = payload.count
        for shift in stride(from: 20, through: 0, by: -4) {
            out.append(digits[(n >> shift) & 15])
        }
        out.append(contentsOf: payload)
        return out
    }

    static func encode(_ kind: FrameKind, text: String) -> [UInt8] {
        encode(kind, Array(text.utf8))
    }

    /// The board keeps Ctrl-C live while it receives, so that a host that dies mid-frame can
    /// always be recovered by the next session's interrupt: raw payloads therefore carry 0x03
    /// (and the escape byte 0x10 itself) as 0x10, byte ^ 0x40. Random data grows by under 1 %.
    /// Consumes input until the escaped output would exceed `limit` bytes.
    static func escape(_ input: ArraySlice<UInt8>, limit: Int) -> (bytes: [UInt8], consumed: Int) {
        input.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return ([], 0) }
            var out: [UInt8] = []
            out.reserveCapacity(min(limit, buffer.count + buffer.count / 64 + 8))
            var position = 0
            while position < buffer.count {
                // Copy the run up to the next byte that needs escaping in one go (memchr-fast).
                let rest = buffer.count - position
                let next = min(nextSpecial(base + position, rest, 0x03), nextSpecial(base + position, rest, 0x10))
                let run = min(next, limit - out.count)
                if run > 0 {
                    out.append(contentsOf: UnsafeBufferPointer(start: base + position, count: run))
                    position += run
                }
                if run < next || position >= buffer.count { break }
                if out.count + 2 > limit { break }
                out.append(0x10)
                out.append(base[position] ^ 0x40)
                position += 1
            }
            return (out, position)
        }
    }

    /// Offset of the first `byte` in `count` bytes at `start`, or `count`.
    private static func nextSpecial(_ start: UnsafePointer<UInt8>, _ count: Int, _ byte: UInt8) -> Int {
        guard let found = memchr(start, Int32(byte), count) else { return count }
        return UnsafeRawPointer(found) - UnsafeRawPointer(start)
    }

    /// Kind byte and length from a 7-byte header, nil when the bytes are not a header.
    static func decodeHeader(_ header: ArraySlice<UInt8>) -> (kind: UInt8, length: Int)? {
        guard header.count == headerSize else { return nil }
        guard let n = Int(String(decoding: header.dropFirst(), as: UTF8.self), radix: 16) else { return nil }
        return (header[header.startIndex], n)
    }
}
