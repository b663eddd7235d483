import BigInt

/// One argument to `struct.pack`, as the interpreter sees it.
public enum StructArgument {
    case integer(BigInt)
    case float(Double)
    /// bytes, bytearray or memoryview contents.
    case bytes([UInt8])
    /// A str's UTF-8: MicroPython packs it for `s` but names it `str` in errors.
    case text([UInt8])
    /// Anything else; the name goes into the error message.
    case other(typeName: String)
}

/// One result of `struct.unpack`.
public enum StructValue: Equatable, Sendable {
    case integer(BigInt)
    case float(Double)
    case bytes([UInt8])
}

/// A parsed `struct` format: byte order, then `[count]code` items.
///
/// MicroPython's subset: `@ < > !` (not `=`), codes `b B h H i I l L q Q e f d s P x` (no `?`),
/// no whitespace, native `@` alignment to each item's size with no trailing padding. Packing
/// wraps out-of-range integers instead of raising, missing arguments pack as zero, and extra
/// arguments are ignored; unpacking accepts a longer buffer.
public struct StructLayout: Sendable {
    enum Code: Character {
        case int8 = "b", uint8 = "B", int16 = "h", uint16 = "H", int32 = "i", uint32 = "I"
        case long = "l", ulong = "L", int64 = "q", uint64 = "Q", half = "e", float = "f"
        case double = "d", string = "s", pointer = "P", pad = "x"

        func size(native: Bool) -> Int {
            switch self {
            case .int8, .uint8, .string, .pad: return 1
            case .int16, .uint16, .half: return 2
            case .int32, .uint32, .float: return 4
            case .long, .ulong: return native ? 8 : 4
            case .int64, .uint64, .double, .pointer: return 8
            }
        }

        var isSigned: Bool { self == .int8 || self == .int16 || self == .int32 || self == .long || self == .int64 }
    }

    struct Item: Sendable {
        let code: Code
        let count: Int
        let offset: Int
    }

    let items: [Item]
    let littleEndian: Bool
    let native: Bool
    /// `struct.calcsize`.
    public let size: Int

    static let badTypecode = EngineError(.valueError, "bad typecode")

    public init(format: String) throws(EngineError) {
        var chars = Array(format)
        var littleEndian = true
        var native = true
        if let first = chars.first, "@<>!".contains(first) {
            chars.removeFirst()
            native = first == "@"
            littleEndian = first == "<" || first == "@"
        }
        var items: [Item] = []
        var offset = 0
        var index = 0
        while index < chars.count {
            var count: Int?
            while index < chars.count, chars[index].isASCII, let digit = chars[index].wholeNumberValue {
                count = (count ?? 0) * 10 + digit
                if count! > 1 << 24 { throw EngineError(.valueError, "bad typecode") }
                index += 1
            }
            guard index < chars.count, let code = Code(rawValue: chars[index]) else { throw Self.badTypecode }
            index += 1
            let repeatCount = count ?? 1
            let itemSize = code.size(native: native)
            // Native alignment applies to items that occupy space (`b0H` is one byte).
            if native && code != .string && code != .pad && repeatCount > 0 {
                offset = (offset + itemSize - 1) / itemSize * itemSize
            }
            items.append(Item(code: code, count: repeatCount, offset: offset))
            offset += itemSize * repeatCount
            // Larger than any board's heap: fail like MicroPython's allocator would.
            if offset > 1 << 24 { throw EngineError(.memoryError, "memory allocation failed") }
        }
        self.items = items
        self.littleEndian = littleEndian
        self.native = native
        self.size = offset
    }

    /// How many Python values `pack` consumes and `unpack` produces.
    public var valueCount: Int {
        items.reduce(0) { total, item in
            switch item.code {
            case .pad: return total
            case .string: return total + 1
            default: return total + item.count
            }
        }
    }

    public func pack(_ arguments: [StructArgument]) throws(EngineError) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: size)
        try pack(arguments, into: &buffer, at: 0)
        return buffer
    }

    /// `struct.pack_into`; `offset` may be negative (from the end).
    public func pack(_ arguments: [StructArgument], into buffer: inout [UInt8], at offset: Int) throws(EngineError) {
        var start = offset
        if start < 0 { start += buffer.count }
        guard start >= 0, start + size <= buffer.count else { throw EngineError(.valueError, "buffer too small") }
        var next = 0
        func take() -> StructArgument {
            defer { next += 1 }
            return next < arguments.count ? arguments[next] : .integer(0)
        }
        for item in items {
            let itemSize = item.code.size(native: native)
            switch item.code {
            case .pad:
                continue
            case .string:
                let argument = take()
                let bytes: [UInt8]
                switch argument {
                case .bytes(let data), .text(let data): bytes = data
                default: throw EngineError(.typeError, "object with buffer protocol required")
                }
                for position in 0..<item.count {
                    buffer[start + item.offset + position] = position < bytes.count ? bytes[position] : 0
                }
            default:
                for repetition in 0..<item.count {
                    let bits = try Self.bits(of: take(), code: item.code)
                    write(bits, size: itemSize, into: &buffer, at: start + item.offset + repetition * itemSize)
                }
            }
        }
    }

    /// `struct.unpack` / `unpack_from`: the buffer must hold at least `size` bytes after `offset`.
    public func unpack(_ buffer: [UInt8], at offset: Int = 0) throws(EngineError) -> [StructValue] {
        var start = offset
        if start < 0 { start += buffer.count }
        guard start >= 0, start + size <= buffer.count else { throw EngineError(.valueError, "buffer too small") }
        var values: [StructValue] = []
        for item in items {
            let itemSize = item.code.size(native: native)
            switch item.code {
            case .pad:
                continue
            case .string:
                let begin = start + item.offset
                values.append(.bytes(Array(buffer[begin..<(begin + item.count)])))
            default:
                for repetition in 0..<item.count {
                    let bits = read(buffer, size: itemSize, at: start + item.offset + repetition * itemSize)
                    values.append(Self.value(bits: bits, code: item.code, size: itemSize))
                }
            }
        }
        return values
    }

    private func write(_ bits: UInt64, size: Int, into buffer: inout [UInt8], at position: Int) {
        for byte in 0..<size {
            let shift = UInt64(littleEndian ? byte : size - 1 - byte) * 8
            buffer[position + byte] = UInt8(truncatingIfNeeded: bits >> shift)
        }
    }

    private func read(_ buffer: [UInt8], size: Int, at position: Int) -> UInt64 {
        var bits: UInt64 = 0
        for byte in 0..<size {
            let shift = UInt64(littleEndian ? byte : size - 1 - byte) * 8
            bits |= UInt64(buffer[position + byte]) << shift
        }
        return bits
    }

    private static func bits(of argument: StructArgument, code: Code) throws(EngineError) -> UInt64 {
        switch code {
        case .half, .float, .double:
            let value: Double
            switch argument {
            case .integer(let number): value = Double(number)
            case .float(let number): value = number
            case .bytes: throw EngineError(.typeError, "can't convert bytes to float")
            case .text: throw EngineError(.typeError, "can't convert str to float")
            case .other(let name): throw EngineError(.typeError, "can't convert \(name) to float")
            }
            switch code {
            case .half: return UInt64(HalfFloat.bits(from: value))
            case .float: return UInt64(Float(value).bitPattern)
            default: return value.bitPattern
            }
        default:
            switch argument {
            case .integer(let number): return UInt64(truncatingIfNeeded: number)
            case .float: throw EngineError(.typeError, "can't convert float to int")
            case .bytes: throw EngineError(.typeError, "can't convert bytes to int")
            case .text: throw EngineError(.typeError, "can't convert str to int")
            case .other(let name): throw EngineError(.typeError, "can't convert \(name) to int")
            }
        }
    }

    private static func value(bits: UInt64, code: Code, size: Int) -> StructValue {
        switch code {
        case .half: return .float(HalfFloat.value(from: UInt16(truncatingIfNeeded: bits)))
        case .float: return .float(Double(Float(bitPattern: UInt32(truncatingIfNeeded: bits))))
        case .double: return .float(Double(bitPattern: bits))
        default:
            if code.isSigned {
                let shift = UInt64(64 - size * 8)
                return .integer(BigInt(Int64(bitPattern: bits << shift) >> Int64(shift)))
            }
            return .integer(BigInt(bits))
        }
    }
}

/// IEEE 754 binary16 conversion (struct code `e`), rounding to nearest even.
enum HalfFloat {
    static func bits(from value: Double) -> UInt16 {
        let single = Float(value)
        let raw = single.bitPattern
        let sign = UInt16((raw >> 16) & 0x8000)
        if single.isNaN { return sign | 0x7E00 }
        let exponent = Int((raw >> 23) & 0xFF) - 127 + 15
        var mantissa = raw & 0x7F_FFFF
        if exponent >= 31 { return sign | 0x7C00 }
        if exponent <= 0 {
            if exponent < -10 { return sign }
            mantissa |= 0x80_0000
            let shift = UInt32(14 - exponent)
            var half = mantissa >> shift
            let remainder = mantissa & ((1 << shift) - 1)
            let halfway = UInt32(1) << (shift - 1)
            if remainder > halfway || (remainder == halfway && half & 1 == 1) { half += 1 }
            return sign | UInt16(half)
        }
        var half = UInt32(exponent) << 10 | (mantissa >> 13)
        let remainder = mantissa & 0x1FFF
        if remainder > 0x1000 || (remainder == 0x1000 && half & 1 == 1) { half += 1 }
        if half >= 0x7C00 { return sign | 0x7C00 }
        return sign | UInt16(half)
    }

    static func value(from bits: UInt16) -> Double {
        let sign: Double = bits & 0x8000 != 0 ? -1 : 1
        let exponent = Int((bits >> 10) & 0x1F)
        let mantissa = Double(bits & 0x3FF)
        if exponent == 0 { return sign * mantissa * 0x1p-24 }
        if exponent == 31 { return mantissa == 0 ? sign * .infinity : .nan }
        return sign * (1 + mantissa / 1024) * Double(sign: .plus, exponent: exponent - 15, significand: 1)
    }
}
