/// Float to text exactly as MicroPython's double-precision build prints it.
///
/// MicroPython differs from CPython in visible ways: `repr` uses 16 significant digits when they
/// read back to the same double and 17 otherwise (not the shortest digits), no conversion
/// shows more significant digits than `repr` would (`'%.20f' % 0.1` pads with zeros), ties
/// round away from zero, and its fixed-size buffer shortens or switches long `%f` output.
public enum FloatFormatter {
    /// `repr(x)` and `str(x)`: they are the same in MicroPython.
    public static func repr(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        let sign = value.sign == .minus ? "-" : ""
        if value == 0 { return sign + "0.0" }
        let digits = reprDigits(value)
        let exponent = digits.exponent
        if exponent < -4 || exponent >= 16 {
            return sign + scientific(digits, fractionDigits: max(0, digits.digits.count - 1), exponentChar: "e")
        }
        var text = fixed(digits, fractionDigits: max(0, digits.digits.count - 1 - exponent))
        if !text.contains(".") { text += ".0" }
        return sign + text
    }

    /// One printf-style conversion: `style` is one of `e E f F g G` (and `%` for format specs,
    /// which multiplies by 100 and appends a percent sign). `sign` is `"+"`, `" "` or nil.
    public static func format(_ value: Double, style: Character, precision: Int?, sign: Character? = nil) -> String {
        let upper = style.isUppercase
        var signText = ""
        if value.sign == .minus && !value.isNaN {
            signText = "-"
        } else if let sign {
            signText = String(sign)
        }
        if value.isNaN { return signText + (upper ? "NAN" : "nan") + (style == "%" ? "%" : "") }
        if value.isInfinite { return signText + (upper ? "INF" : "inf") + (style == "%" ? "%" : "") }
        var precision = precision ?? 6
        if precision < 0 { precision = 6 }
        let magnitude = abs(value)
        let exponentChar: Character = upper ? "E" : "e"
        switch style {
        case "e", "E":
            precision = min(precision, 24 - signText.count)
            return signText + scientific(limited(magnitude).roundedForScientific(precision), fractionDigits: precision, exponentChar: exponentChar)
        case "f", "F":
            return signText + formatFixed(magnitude, precision: precision, signLength: signText.count, exponentChar: exponentChar)
        case "%":
            return signText + formatFixed(magnitude * 100, precision: precision, signLength: signText.count, exponentChar: exponentChar) + "%"
        default:
            return signText + general(magnitude, precision: precision, exponentChar: exponentChar)
        }
    }

    /// `%g` rules: significant digits, fixed notation for exponents in [-4, precision),
    /// trailing zeros removed (MicroPython ignores the `#` flag here).
    static func general(_ magnitude: Double, precision: Int, exponentChar: Character) -> String {
        let significant = max(precision, 1)
        if magnitude == 0 { return "0" }
        let digits = limited(magnitude).rounded(toSignificant: significant)
        let exponent = digits.exponent
        if exponent < -4 || exponent >= significant {
            return scientific(digits, fractionDigits: max(0, digits.digits.count - 1), exponentChar: exponentChar)
        }
        return fixed(digits, fractionDigits: max(0, digits.digits.count - 1 - exponent))
    }

    static func formatFixed(_ magnitude: Double, precision: Int, signLength: Int, exponentChar: Character) -> String {
        var precision = precision
        if magnitude >= 1 {
            let integerDigits = DecimalDigits(exactly: magnitude).exponent + 1
            let overflows = precision > 0 ? integerDigits > 1 && integerDigits + precision + signLength > 32 : integerDigits + signLength > 31
            if overflows {
                // MicroPython's buffer cannot hold it. A number whose exponent is below the
                // precision prints plainly with its significant digits; others print `e` style
                // at that precision; trailing zeros go either way (17 digits at most, so the
                // precision is bounded).
                let digits = limited(magnitude)
                if digits.exponent < precision {
                    let r = digits.rounded(toSignificant: min(precision + 1, 32))
                    return fixed(r, fractionDigits: max(0, r.digits.count - 1 - r.exponent))
                }
                let bounded = min(precision, 40)
                let text = scientific(digits.roundedForScientific(bounded), fractionDigits: bounded, exponentChar: exponentChar)
                return stripFractionZeros(text, exponentChar: exponentChar)
            }
            if integerDigits + 1 + precision + signLength > 31 {
                precision = max(0, 30 - signLength - integerDigits)
            }
        } else {
            precision = min(precision, 30 - signLength)
        }
        let digits = limited(magnitude)
        let rounded = digits.rounded(toSignificant: digits.exponent + 1 + precision)
        return fixed(rounded, fractionDigits: precision)
    }

    private static func stripFractionZeros(_ text: String, exponentChar: Character) -> String {
        guard let eIndex = text.firstIndex(of: exponentChar) else { return text }
        var mantissa = String(text[..<eIndex])
        if mantissa.contains(".") {
            while mantissa.hasSuffix("0") { mantissa.removeLast() }
            if mantissa.hasSuffix(".") { mantissa.removeLast() }
        }
        return mantissa + text[eIndex...]
    }

    /// The digits `repr` shows: 16 significant when they read back exactly, else 17.
    static func reprDigits(_ value: Double) -> DecimalDigits {
        reprDigits(value, DecimalDigits(exactly: value))
    }

    static func reprDigits(_ value: Double, _ exact: DecimalDigits) -> DecimalDigits {
        if exact.digits.count <= 16 { return exact }
        let sixteen = exact.rounded(significant: 16)
        // Powers of ten just below their double (1e23 is 9.9999999999999992e22) come out as
        // the power in MicroPython, whose scaling lands on it exactly.
        if sixteen.digits.count == 16, sixteen.digits.allSatisfy({ $0 == 9 }) {
            let power = DecimalDigits(digits: [1], exponent: sixteen.exponent + 1)
            if Double("1e\(power.exponent)") == abs(value) { return power }
        }
        if Double(scientific(sixteen, fractionDigits: max(0, sixteen.digits.count - 1), exponentChar: "e")) == abs(value) {
            return sixteen
        }
        return exact.rounded(significant: 17)
    }

    /// Exact digits of a magnitude, paired with MicroPython's cap on significant digits.
    static func limited(_ magnitude: Double) -> LimitedDigits {
        let exact = DecimalDigits(exactly: magnitude)
        return LimitedDigits(exact: exact, cap: magnitude == 0 ? 17 : reprDigits(magnitude, exact).digits.count)
    }

    /// `d.ddd` followed by the exponent, at least two exponent digits.
    static func scientific(_ digits: DecimalDigits, fractionDigits: Int, exponentChar: Character) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(fractionDigits + 8)
        text.append(48 + digits.digit(atPower: digits.exponent))
        if fractionDigits > 0 {
            text.append(UInt8(ascii: "."))
            for power in stride(from: digits.exponent - 1, through: digits.exponent - fractionDigits, by: -1) {
                text.append(48 + digits.digit(atPower: power))
            }
        }
        let exponent = digits.isZero ? 0 : digits.exponent
        text.append(exponentChar.asciiValue ?? UInt8(ascii: "e"))
        text.append(exponent < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
        let magnitude = abs(exponent)
        if magnitude < 10 { text.append(48) }
        text += String(magnitude).utf8
        return String(decoding: text, as: UTF8.self)
    }

    /// Positional notation with exactly `fractionDigits` digits after the point.
    static func fixed(_ digits: DecimalDigits, fractionDigits: Int) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(max(digits.exponent, 0) + fractionDigits + 3)
        if digits.isZero {
            text.append(48)
        } else {
            for power in stride(from: max(digits.exponent, 0), through: 0, by: -1) {
                text.append(48 + digits.digit(atPower: power))
            }
        }
        if fractionDigits > 0 {
            text.append(UInt8(ascii: "."))
            for power in stride(from: -1, through: -fractionDigits, by: -1) {
                text.append(48 + digits.digit(atPower: power))
            }
        }
        return String(decoding: text, as: UTF8.self)
    }
}

/// Exact digits together with the most significant digits MicroPython will ever show.
struct LimitedDigits {
    let exact: DecimalDigits
    let cap: Int

    var exponent: Int { exact.exponent }

    /// Rounds to `count` significant digits, but never shows more than `cap` real digits: beyond
    /// that MicroPython prints zeros.
    func rounded(toSignificant count: Int) -> DecimalDigits {
        if exact.isZero { return exact }
        return exact.rounded(significant: min(count, cap))
    }

    /// Rounding for `e` style, whose exponent may move when rounding carries (9.99 → 1.00e+01).
    func roundedForScientific(_ fractionDigits: Int) -> DecimalDigits {
        rounded(toSignificant: fractionDigits + 1)
    }
}
