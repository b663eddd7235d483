/// Reads the fields of a request payload in order; a short payload is EINVAL, never a crash.
struct PayloadCursor {
    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func byte() throws(MountErrno) -> UInt8 {
        guard index < bytes.count else { throw MountErrno.invalid }
        defer { index += 1 }
        return bytes[index]
    }

    mutating func u32() throws(MountErrno) -> UInt32 {
        guard index + 4 <= bytes.count else { throw MountErrno.invalid }
        defer { index += 4 }
        return UInt32(bytes[index]) | UInt32(bytes[index + 1]) << 8
            | UInt32(bytes[index + 2]) << 16 | UInt32(bytes[index + 3]) << 24
    }

    /// A UTF-8 string ending at `terminator` (consumed, not returned).
    mutating func string(until terminator: UInt8) throws(MountErrno) -> String {
        guard let end = bytes[index...].firstIndex(of: terminator) else { throw MountErrno.invalid }
        defer { index = end + 1 }
        return try text(bytes[index..<end])
    }

    mutating func restAsString() throws(MountErrno) -> String {
        try text(rest())
    }

    mutating func rest() -> [UInt8] {
        defer { index = bytes.count }
        return Array(bytes[index...])
    }

    private func text(_ slice: some Collection<UInt8>) throws(MountErrno) -> String {
        guard let string = String(validating: slice, as: UTF8.self) else { throw MountErrno.invalid }
        return string
    }
}
