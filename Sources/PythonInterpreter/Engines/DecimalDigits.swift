import BigInt
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The exact decimal expansion of a finite, non-negative double, and rounding of it.
///
/// MicroPython rounds ties away from zero (`'%.0f' % 0.5 == '1'`) where C's printf rounds
/// them to even, so the formatter needs the exact digits rather than the C library's output.
struct DecimalDigits: Equatable {
    /// Significant digits, most significant first, no trailing zeros; empty means zero.
    var digits: [UInt8]
    /// Power of ten of the first digit: value = d0.d1d2... × 10^exponent.
    var exponent: Int
    /// The double these digits came from when they are the C library's rounding of it.
    var source: Double?

    static let zero = DecimalDigits(digits: [], exponent: 0)

    var isZero: Bool { digits.isEmpty }

    /// Digits of `value` (sign ignored; `value` must be finite): the C library's 41 correctly
    /// rounded significant digits, which decide every rounding to 17 digits or fewer except
    /// when they end in "5000…"; `isExactTail` is false then, and `rounded` falls back to the
    /// exact expansion.
    init(exactly value: Double) {
        let magnitude = abs(value)
        if magnitude == 0 {
            self = .zero
            return
        }
        var text = [CChar](repeating: 0, count: 64)
        let written = text.withUnsafeMutableBufferPointer { buffer in
            withVaList([magnitude]) { vsnprintf(buffer.baseAddress, 64, "%.40e", $0) }
        }
        var digits: [UInt8] = []
        digits.reserveCapacity(41)
        var index = 0
        while index < Int(written) {
            let char = UInt8(bitPattern: text[index])
            if char == UInt8(ascii: "e") { break }
            if char != UInt8(ascii: ".") { digits.append(char - 48) }
            index += 1
        }
        let exponent = Int(String(cString: Array(text[(index + 1)...]))) ?? 0
        self.init(digits: digits, exponent: exponent)
        self.source = magnitude
        while let last = self.digits.last, last == 0 { self.digits.removeLast() }
    }

    /// The full exact expansion, for the rare roundings the 41 digits cannot decide.
    static func exactExpansion(_ magnitude: Double) -> DecimalDigits {
        var mantissa: UInt64
        var binaryExponent: Int
        if magnitude.isNormal {
            mantissa = magnitude.significandBitPattern | (1 << 52)
            binaryExponent = Int(magnitude.exponent) - 52
        } else {
            mantissa = magnitude.significandBitPattern
            binaryExponent = -1074
        }
        while mantissa & 1 == 0 {
            mantissa >>= 1
            binaryExponent += 1
        }
        let text: String
        var pointShift = 0
        if binaryExponent >= 0 {
            text = String(BigUInt(mantissa) << binaryExponent)
        } else {
            // m / 2^k == m * 5^k / 10^k
            let k = -binaryExponent
            text = String(BigUInt(mantissa) * BigUInt(5).power(k))
            pointShift = -k
        }
        var bytes = text.utf8.map { $0 - 48 }
        let exponent = bytes.count - 1 + pointShift
        while let last = bytes.last, last == 0 { bytes.removeLast() }
        return DecimalDigits(digits: bytes, exponent: exponent)
    }

    init(digits: [UInt8], exponent: Int) {
        self.digits = digits
        self.exponent = exponent
    }

    /// Keeps `count` significant digits, rounding half away from zero; `count` may be zero or
    /// negative (rounding at a position left of the first digit).
    func rounded(significant count: Int) -> DecimalDigits {
        if digits.count <= count || isZero { return self }
        if count < 0 { return .zero }
        if let source, digits[count] == 5, digits.count == count + 1 {
            // A final "5" may be an exact tie or a rounded "…4999…": ask the exact value.
            return Self.exactExpansion(source).rounded(significant: count)
        }
        if count == 0 {
            return digits[0] >= 5 ? DecimalDigits(digits: [1], exponent: exponent + 1) : .zero
        }
        var kept = Array(digits[0..<count])
        var newExponent = exponent
        if digits[count] >= 5 {
            var index = count - 1
            while index >= 0 {
                if kept[index] == 9 {
                    kept[index] = 0
                    index -= 1
                } else {
                    kept[index] += 1
                    break
                }
            }
            if index < 0 {
                kept.insert(1, at: 0)
                kept.removeLast()
                newExponent += 1
            }
        }
        while let last = kept.last, last == 0 { kept.removeLast() }
        return DecimalDigits(digits: kept, exponent: newExponent)
    }

    /// Digit at decimal position `power` (10^power), zero outside the stored digits.
    func digit(atPower power: Int) -> UInt8 {
        let index = exponent - power
        return index >= 0 && index < digits.count ? digits[index] : 0
    }
}
