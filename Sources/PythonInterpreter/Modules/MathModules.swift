import BigInt
import Foundation

private func f1(_ name: String, _ fn: @escaping (Double) -> Double, domainCheck: ((Double) -> Bool)? = nil) -> (String, NativeFn) {
    (name, { a, _ in
        try argCount(a, 1, 1, name)
        let x = try toDouble(a[0])
        if let dc = domainCheck, !dc(x) { throw valueError("math domain error") }
        let r = fn(x)
        if r.isNaN && !x.isNaN { throw valueError("math domain error") }
        if r.isInfinite && x.isFinite && name != "exp" && name != "cosh" && name != "sinh" && name != "expm1" { throw valueError("math domain error") }
        if r.isInfinite && x.isFinite { throw pyErr(overflowErrorType, "math range error") }
        return .float(r)
    })
}

func makeMathModule() -> PyModule {
    let m = PyModule(name: "math")
    var fns: [(String, NativeFn)] = [
        f1("sqrt", { Foundation.sqrt($0) }, domainCheck: { $0 >= 0 || $0.isNaN }),
        f1("exp", { Foundation.exp($0) }), f1("expm1", { Foundation.expm1($0) }),
        f1("sin", { Foundation.sin($0) }), f1("cos", { Foundation.cos($0) }), f1("tan", { Foundation.tan($0) }),
        f1("asin", { Foundation.asin($0) }), f1("acos", { Foundation.acos($0) }), f1("atan", { Foundation.atan($0) }),
        f1("sinh", { Foundation.sinh($0) }), f1("cosh", { Foundation.cosh($0) }), f1("tanh", { Foundation.tanh($0) }),
        f1("asinh", { Foundation.asinh($0) }), f1("acosh", { Foundation.acosh($0) }), f1("atanh", { Foundation.atanh($0) }),
        f1("log2", { Foundation.log2($0) }, domainCheck: { $0 > 0 || $0.isNaN }), f1("log10", { Foundation.log10($0) }, domainCheck: { $0 > 0 || $0.isNaN }),
        f1("log1p", { Foundation.log1p($0) }),
        f1("fabs", { Swift.abs($0) }), f1("erf", { Foundation.erf($0) }), f1("erfc", { Foundation.erfc($0) }),
        f1("gamma", { Foundation.tgamma($0) }, domainCheck: { !($0 <= 0 && $0 == $0.rounded()) }), f1("lgamma", { Foundation.lgamma($0) }),
        f1("degrees", { $0 * 180 / .pi }), f1("radians", { $0 * .pi / 180 }),
        ("log", { a, _ in
            try argCount(a, 1, 2, "log")
            let x = try toDouble(a[0])
            if x <= 0 { throw valueError("math domain error") }
            if a.count == 2 {
                let b = try toDouble(a[1])
                if b <= 0 { throw valueError("math domain error") }
                if b == 1 { throw zeroDivision() }
                return .float(Foundation.log(x) / Foundation.log(b))
            }
            return .float(Foundation.log(x))
        }),
        ("pow", { a, _ in
            try needArgs(a, 2)
            let x = try toDouble(a[0]), y = try toDouble(a[1])
            if x == 0 && y < 0 && !y.isInfinite { throw valueError("math domain error") }
            if x < 0 && y != y.rounded() && y.isFinite { throw valueError("math domain error") }
            return .float(Foundation.pow(x, y))
        }),
        ("atan2", { a, _ in try needArgs(a, 2); return .float(Foundation.atan2(try toDouble(a[0]), try toDouble(a[1]))) }),
        ("hypot", { a, _ in .float(Foundation.sqrt(try a.map(toDouble).reduce(0) { $0 + $1 * $1 })) }),
        ("copysign", { a, _ in try needArgs(a, 2); return .float(Foundation.copysign(try toDouble(a[0]), try toDouble(a[1]))) }),
        ("fmod", { a, _ in
            try needArgs(a, 2)
            let y = try toDouble(a[1])
            let x = try toDouble(a[0])
            if x.isNaN || y.isNaN { return .float(.nan) }
            if y == 0 || x.isInfinite { throw valueError("math domain error") }
            return .float(Foundation.fmod(x, y))
        }),
        ("ldexp", { a, _ in try needArgs(a, 2); return .float(Foundation.scalbn(try toDouble(a[0]), try toInt(a[1]))) }),
        ("frexp", { a, _ in
            try needArgs(a, 1)
            let x = try toDouble(a[0])
            // Mantissa keeps the sign of x, in [0.5, 1); zero, inf and nan come back as they are.
            if x == 0 || !x.isFinite { return .tuple([.float(x), .int(0)]) }
            let e = Int(x.exponent) + 1
            return .tuple([.float(Foundation.scalbn(x, -e)), .int(e)])
        }),
        ("modf", { a, _ in
            try needArgs(a, 1)
            let x = try toDouble(a[0])
            // Both parts carry the sign of x (modf(-1.0) is (-0.0, -1.0)).
            let whole = x.rounded(.towardZero)
            let fraction = x.isInfinite ? 0 : x - whole
            return .tuple([.float(Foundation.copysign(fraction, x)), .float(whole)])
        }),
        ("isnan", { a, _ in try needArgs(a, 1); return .bool(try toDouble(a[0]).isNaN) }),
        ("isinf", { a, _ in try needArgs(a, 1); return .bool(try toDouble(a[0]).isInfinite) }),
        ("isfinite", { a, _ in try needArgs(a, 1); return .bool(try toDouble(a[0]).isFinite) }),
        ("isclose", { a, kw in
            try needArgs(a, 2)
            let x = try toDouble(a[0]), y = try toDouble(a[1])
            let rt = try toDouble(kwarg(kw, "rel_tol") ?? .float(1e-9)), at = try toDouble(kwarg(kw, "abs_tol") ?? .float(0))
            if rt < 0 || at < 0 { throw valueError("math domain error") }
            if x == y { return .bool(true) }
            if x.isInfinite || y.isInfinite { return .bool(false) }
            let d = Swift.abs(x - y)
            return .bool(d <= Swift.max(rt * Swift.max(Swift.abs(x), Swift.abs(y)), at))
        }),
        ("floor", { a, _ in try needArgs(a, 1); return try roundTo(a[0], .down) }),
        ("ceil", { a, _ in try needArgs(a, 1); return try roundTo(a[0], .up) }),
        ("trunc", { a, _ in try needArgs(a, 1); return try roundTo(a[0], .towardZero) }),
        ("factorial", { a, _ in
            try needArgs(a, 1)
            let n = try toInt(a[0])
            if n < 0 { throw valueError("factorial() not defined for negative values") }
            var r = BigInt(1)
            if n > 1 { for i in 2...n { r *= BigInt(i) } }
            return .bigint(r)
        }),
        ("gcd", { a, _ in
            var g = BigInt(0)
            for x in a { guard let b = bigValue(x) else { throw typeError("can't convert \(typeName(x)) to int") }; g = g.greatestCommonDivisor(with: b) }
            return .bigint(g)
        }),
        ("isqrt", { a, _ in
            try needArgs(a, 1)
            guard let b = bigValue(a[0]) else { throw typeError("can't convert to int") }
            if b < 0 { throw valueError("isqrt() argument must be nonnegative") }
            return .bigint(b.squareRoot())
        }),
        ("comb", { a, _ in
            try needArgs(a, 2)
            let n = try toInt(a[0]), k = try toInt(a[1])
            if k < 0 || k > n { return .int(0) }
            var r = BigInt(1)
            if k > 0 { for i in 0..<k { r = r * BigInt(n - i) / BigInt(i + 1) } }
            return .bigint(r)
        }),
        ("perm", { a, _ in
            try needArgs(a, 1)
            let n = try toInt(a[0]), k = a.count > 1 ? try toInt(a[1]) : try toInt(a[0])
            if k < 0 || k > n { return .int(0) }
            var r = BigInt(1)
            if k > 0 { for i in 0..<k { r *= BigInt(n - i) } }
            return .bigint(r)
        }),
        ("fsum", { a, _ in try needArgs(a, 1); return .float(try iterateToArray(a[0]).map(toDouble).reduce(0, +)) }),
        ("prod", { a, _ in
            try needArgs(a, 1)
            var r: Value = .int(1)
            try forEach(a[0]) { r = try binaryOp(.mul, r, $0); return true }
            return r
        }),
    ]
    fns.append(("dist", { a, _ in
        try needArgs(a, 2)
        let p = try iterateToArray(a[0]).map(toDouble), q = try iterateToArray(a[1]).map(toDouble)
        return .float(Foundation.sqrt(zip(p, q).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }))
    }))
    for (n, f) in fns { m.dict.setStr(n, .object(PyBuiltinFunction(n, f))) }
    m.dict.setStr("pi", .float(.pi))
    m.dict.setStr("e", .float(M_E))
    m.dict.setStr("tau", .float(2 * .pi))
    m.dict.setStr("inf", .float(.infinity))
    m.dict.setStr("nan", .float(.nan))
    return m
}

private func roundTo(_ v: Value, _ rule: FloatingPointRoundingRule) throws -> Value {
    if intOperand(v) != nil { return .int(try toInt(v)) }
    let d = try toDouble(v)
    if d.isNaN { throw valueError("cannot convert float NaN to integer") }
    if d.isInfinite { throw pyErr(overflowErrorType, "cannot convert float infinity to integer") }
    let r = d.rounded(rule)
    if let i = Int(exactly: r) { return .int(i) }
    return .bigint(BigInt(r))
}

func makeCmathModule() -> PyModule {
    let m = PyModule(name: "cmath")
    func c(_ v: Value) throws -> (Double, Double) { try complexParts(v) }
    func mk(_ re: Double, _ im: Double) -> Value { .object(PyComplex(re, im)) }
    let fns: [(String, NativeFn)] = [
        ("phase", { a, _ in try needArgs(a, 1); let (r, i) = try c(a[0]); return .float(atan2(i, r)) }),
        ("polar", { a, _ in try needArgs(a, 1); let (r, i) = try c(a[0]); return .tuple([.float(hypot(r, i)), .float(atan2(i, r))]) }),
        ("rect", { a, _ in try needArgs(a, 2); let r = try toDouble(a[0]), p = try toDouble(a[1]); return mk(r * cos(p), r * sin(p)) }),
        ("exp", { a, _ in try needArgs(a, 1); let (r, i) = try c(a[0]); let e = exp(r); return mk(e * cos(i), e * sin(i)) }),
        ("log", { a, _ in try needArgs(a, 1); let (r, i) = try c(a[0]); return mk(log(hypot(r, i)), atan2(i, r)) }),
        ("log10", { a, _ in try needArgs(a, 1); let (r, i) = try c(a[0]); return mk(log10(hypot(r, i)), atan2(i, r) / log(10)) }),
        ("sqrt", { a, _ in
            try needArgs(a, 1)
            let (r, i) = try c(a[0])
            let mag = sqrt(hypot(r, i)), ph = atan2(i, r) / 2
            return mk(mag * cos(ph), mag * sin(ph))
        }),
        ("cos", { a, _ in try needArgs(a, 1); let (r, i) = try c(a[0]); return mk(cos(r) * cosh(i), -sin(r) * sinh(i)) }),
        ("sin", { a, _ in try needArgs(a, 1); let (r, i) = try c(a[0]); return mk(sin(r) * cosh(i), cos(r) * sinh(i)) }),
    ]
    for (n, f) in fns { m.dict.setStr(n, .object(PyBuiltinFunction(n, f))) }
    m.dict.setStr("pi", .float(.pi))
    m.dict.setStr("e", .float(M_E))
    return m
}
