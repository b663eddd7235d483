/// `binascii` conversions with MicroPython's leniency and messages.
public enum Binascii {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// `hexlify(data, sep)`: only the first byte of `sep` is used; an empty `sep` inserts NUL,
    /// as MicroPython does.
    public static func hexlify(_ data: [UInt8], separator: [UInt8]? = nil) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(data.count * 3)
        for (offset, byte) in data.enumerated() {
            if offset > 0, let separator { output.append(separator.first ?? 0) }
            output.append(hexDigits[Int(byte >> 4)])
            output.append(hexDigits[Int(byte & 15)])
        }
        return output
    }

    public static func unhexlify(_ text: [UInt8]) throws(EngineError) -> [UInt8] {
        // MicroPython reports an odd length with the same message as a bad digit.
        guard text.count % 2 == 0 else { throw EngineError(.valueError, "non-hex digit") }
        var output: [UInt8] = []
        output.reserveCapacity(text.count / 2)
        var index = 0
        while index < text.count {
            guard let high = nibble(text[index]), let low = nibble(text[index + 1]) else {
                throw EngineError(.valueError, "non-hex digit")
            }
            output.append(high << 4 | low)
            index += 2
        }
        return output
    }

    private static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 48...57: return byte - 48
        case 65...70: return byte - 55
        case 97...102: return byte - 87
        default: return nil
        }
    }

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    public static func b2aBase64(_ data: [UInt8], newline: Bool = true) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity((data.count + 2) / 3 * 4 + 1)
        var index = 0
        while index < data.count {
            let remaining = data.count - index
            let b0 = UInt32(data[index])
            let b1 = remaining > 1 ? UInt32(data[index + 1]) : 0
            let b2 = remaining > 2 ? UInt32(data[index + 2]) : 0
            let group = b0 << 16 | b1 << 8 | b2
            output.append(alphabet[Int(group >> 18 & 63)])
            output.append(alphabet[Int(group >> 12 & 63)])
            output.append(remaining > 1 ? alphabet[Int(group >> 6 & 63)] : UInt8(ascii: "="))
            output.append(remaining > 2 ? alphabet[Int(group & 63)] : UInt8(ascii: "="))
            index += 3
        }
        if newline { output.append(10) }
        return output
    }

    /// Decodes base64, skipping characters outside the alphabet and stopping at complete
    /// padding; a final partial group is "incorrect padding".
    public static func a2bBase64(_ text: [UInt8]) throws(EngineError) -> [UInt8] {
        var output: [UInt8] = []
        var accumulator: UInt32 = 0
        var quadPosition = 0
        var pads = 0
        for byte in text {
            if byte == UInt8(ascii: "=") {
                if quadPosition >= 2 {
                    pads += 1
                    if quadPosition + pads >= 4 {
                        quadPosition = 0
                        break
                    }
                }
                continue
            }
            guard let value = sextet(byte) else { continue }
            pads = 0
            accumulator = accumulator << 6 | UInt32(value)
            quadPosition += 1
            switch quadPosition {
            case 2: output.append(UInt8(truncatingIfNeeded: accumulator >> 4))
            case 3: output.append(UInt8(truncatingIfNeeded: accumulator >> 2))
            case 4:
                output.append(UInt8(truncatingIfNeeded: accumulator))
                quadPosition = 0
                accumulator = 0
            default: break
            }
        }
        if quadPosition != 0 { throw EngineError(.valueError, "incorrect padding") }
        return output
    }

    private static func sextet(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 65...90: return byte - 65
        case 97...122: return byte - 71
        case 48...57: return byte + 4
        case UInt8(ascii: "+"): return 62
        case UInt8(ascii: "/"): return 63
        default: return nil
        }
    }

    private static let crcTable: [UInt32] = (0..<256).map { index in
        var crc = UInt32(index)
        for _ in 0..<8 { crc = crc & 1 != 0 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
        return crc
    }

    /// CRC-32 (the zlib polynomial), continuing from `start`.
    public static func crc32(_ data: [UInt8], start: UInt32 = 0) -> UInt32 {
        var crc = ~start
        for byte in data {
            crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
        return ~crc
    }
}
