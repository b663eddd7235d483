import BigInt
import Foundation

enum BinOp: Int {
    case add, sub, mul, truediv, floordiv, mod, pow, lshift, rshift, and, or, xor, matmul

    init?(symbol: String) {
        switch symbol {
        case "+": self = .add; case "-": self = .sub; case "*": self = .mul; case "/": self = .truediv
        case "//": self = .floordiv; case "%": self = .mod; case "**": self = .pow; case "<<": self = .lshift
        case ">>": self = .rshift; case "&": self = .and; case "|": self = .or; case "^": self = .xor
        case "@": self = .matmul
        default: return nil
        }
    }
    var dunder: String {
        ["__add__", "__sub__", "__mul__", "__truediv__", "__floordiv__", "__mod__", "__pow__", "__lshift__", "__rshift__", "__and__", "__or__", "__xor__", "__matmul__"][rawValue]
    }
    var reflected: String { "__r" + dunder.dropFirst(2) }
    var inplace: String { "__i" + dunder.dropFirst(2) }
}

func unsupported(_ op: BinOp, _ a: Value, _ b: Value) -> PyError {
    typeError("unsupported types for \(op.dunder): '\(typeName(a))', '\(typeName(b))'")
}

func zeroDivision() -> PyError { pyErr(zeroDivisionErrorType, "divide by zero") }

/// Binary operation entry point; the small-int cases are first so loops stay fast.
@inline(__always)
func binaryOp(_ op: BinOp, _ a: Value, _ b: Value) throws -> Value {
    if case .int(let x) = a, case .int(let y) = b {
        switch op {
        case .add: let (r, o) = x.addingReportingOverflow(y); if !o { return .int(r) }
        case .sub: let (r, o) = x.subtractingReportingOverflow(y); if !o { return .int(r) }
        case .mul: let (r, o) = x.multipliedReportingOverflow(by: y); if !o { return .int(r) }
        case .mod: if y > 0 { let r = x % y; return .int(r < 0 ? r + y : r) }
        case .floordiv: if y > 0 { return .int(floorDiv(x, y)) }
        case .and: return .int(x & y)
        case .or: return .int(x | y)
        case .xor: return .int(x ^ y)
        case .rshift: if y >= 0 && y < 64 { return .int(x >> y) }
        case .lshift: if y >= 0 && y < 32 && x >= -(1 << 30) && x < (1 << 30) { return .int(x << y) }
        case .truediv: if y != 0 { return .float(Double(x) / Double(y)) }
        default: break
        }
    } else if case .float(let x) = a, case .float(let y) = b {
        switch op {
        case .add: return .float(x + y)
        case .sub: return .float(x - y)
        case .mul: return .float(x * y)
        case .truediv: if y != 0 { return .float(x / y) }
        default: break
        }
    }
    return try binaryOpSlow(op, a, b)
}

func binaryOpSlow(_ op: BinOp, _ a: Value, _ b: Value) throws -> Value {
    if case .object(let ia as PyInstance) = a {
        if let f = ia.cls.lookupUser(op.dunder) {
            let r = try callSpecial(f, a, ia.cls, [b])
            if !r.isIdentical(.object(notImplemented)) { return r }
        }
        if case .object(let ib as PyInstance) = b, ib.cls !== ia.cls, let f = ib.cls.lookupUser(op.reflected) {
            let r = try callSpecial(f, b, ib.cls, [a])
            if !r.isIdentical(.object(notImplemented)) { return r }
        }
        if let base = ia.base { return try binaryOpSlow(op, base, b) }
        throw unsupported(op, a, b)
    }
    if case .object(let ib as PyInstance) = b {
        if let f = ib.cls.lookupUser(op.reflected) {
            let r = try callSpecial(f, b, ib.cls, [a])
            if !r.isIdentical(.object(notImplemented)) { return r }
        }
        if let base = ib.base { return try binaryOpSlow(op, a, base) }
        if case .str(let x) = a, op == .mod { return try percentFormat(x.value, b) }
        throw unsupported(op, a, b)
    }
    // ints (incl. bool and big)
    if let x = intOperand(a), let y = intOperand(b) {
        return try intOp(op, x, y, a, b)
    }
    // floats
    if isRealNumber(a) && isRealNumber(b) {
        return try floatOp(op, try toDouble(a), try toDouble(b), a, b)
    }
    if isComplexOperand(a) && isComplexOperand(b) {
        return try complexOp(op, a, b)
    }
    switch (a, b) {
    case let (.str(x), .str(y)):
        if op == .add {
            try checkAllocation(x.value.utf8.count + y.value.utf8.count)
            return .str(PyStr(x.value + y.value))
        }
        if op == .mod { return try percentFormat(x.value, b) }
    case let (.str(x), _):
        if op == .mul, let n = intOperand(b) { return .str(PyStr(try repeatString(x.value, n))) }
        if op == .mod { return try percentFormat(x.value, b) }
    case let (_, .str(y)):
        if op == .mul, let n = intOperand(a) { return .str(PyStr(try repeatString(y.value, n))) }
    default: break
    }
    if case .object(let oa) = a {
        switch oa {
        case let l as PyList:
            if op == .add, case .object(let r as PyList) = b { return .list(l.items + r.items) }
            if op == .mul, let n = intOperand(b) { return .list(try repeatArray(l.items, n)) }
        case let t as PyTuple:
            if op == .add, case .object(let r as PyTuple) = b { return .tuple(t.items + r.items) }
            if op == .mul, let n = intOperand(b) { return .tuple(try repeatArray(t.items, n)) }
        case let d as PyDict:
            if d.isSet, case .object(let r as PyDict) = b, r.isSet { return try setOp(op, d, r, a, b) }
            if !d.isSet, op == .or, case .object(let r as PyDict) = b, !r.isSet {
                let n = d.copy()
                for (k, v) in r.entries { try n.set(k, v) }
                return .object(n)
            }
        case is PyBytes, is PyByteArray, is PyMemoryView:
            // memoryview has no arithmetic of its own in MicroPython.
            if oa is PyMemoryView { break }
            let x = bytesLike(oa)!
            if op == .add, let y = bytesLike(b) { return oa is PyByteArray ? .object(PyByteArray(x + y)) : .bytes(x + y) }
            if op == .mul, let n = intOperand(b) {
                let r = try repeatArray(x, n)
                return oa is PyByteArray ? .object(PyByteArray(r)) : .bytes(r)
            }
            if op == .mod, oa is PyBytes { return try MicroPythonFormatting.percentFormatBytes(x, b) }
        case let arr as PyArray:
            if op == .add, case .object(let r as PyArray) = b { return .object(arr.concatenated(r)) }
        default: break
        }
    }
    if case .object(let ob) = b, let n = intOperand(a), op == .mul {
        switch ob {
        case let l as PyList: return .list(try repeatArray(l.items, n))
        case let t as PyTuple: return .tuple(try repeatArray(t.items, n))
        case let x as PyBytes: return .bytes(try repeatArray(x.bytes, n))
        default: break
        }
    }
    throw unsupported(op, a, b)
}

func isRealNumber(_ v: Value) -> Bool {
    switch v {
    case .int, .float, .bool: return true
    case .object(let o): return o is PyBigInt
    default: return false
    }
}
private func isComplexOperand(_ v: Value) -> Bool {
    if isRealNumber(v) { return true }
    if case .object(let o) = v { return o is PyComplex }
    return false
}

func intOperand(_ v: Value) -> BigOrSmall? {
    switch v {
    case .int(let i): return .small(i)
    case .bool(let b): return .small(b ? 1 : 0)
    case .object(let o as PyBigInt): return .big(o.value)
    default: return nil
    }
}

enum BigOrSmall {
    case small(Int)
    case big(BigInt)
    var big: BigInt { switch self { case .small(let i): return BigInt(i); case .big(let b): return b } }
    var smallValue: Int? { if case .small(let i) = self { return i }; return nil }
}

/// MicroPython's error when a big int is used where a machine word is needed (counts, indices).
func wordOverflow() -> PyError { pyErr(overflowErrorType, "overflow converting long int to machine word") }

func repeatCount(_ n: BigOrSmall) throws -> Int {
    switch n {
    case .small(let i): return max(0, i)
    case .big: throw wordOverflow()
    }
}

func repeatString(_ s: String, _ n: BigOrSmall) throws -> String {
    let c = try repeatCount(n)
    try checkAllocation(s.utf8.count &* c)
    return String(repeating: s, count: c)
}
func repeatArray<T>(_ a: [T], _ n: BigOrSmall) throws -> [T] {
    let c = try repeatCount(n)
    if a.isEmpty || c == 0 { return [] }
    try checkAllocation(a.count &* c &* 8)
    var r: [T] = []
    r.reserveCapacity(a.count * c)
    for _ in 0..<c { r.append(contentsOf: a) }
    return r
}

/// Approximate heap accounting for large allocations: the running interpreter's limit applies.
func checkAllocation(_ bytes: Int) throws {
    if bytes < 0 || bytes > currentHeapLimit { throw pyErr(memoryErrorType, "memory allocation failed, allocating \(bytes) bytes") }
}
nonisolated(unsafe) var currentHeapLimit = 64 * 1024 * 1024

func floorDiv(_ x: Int, _ y: Int) -> Int {
    let q = x / y
    if (x % y != 0) && ((x < 0) != (y < 0)) { return q - 1 }
    return q
}
func floorMod(_ x: Int, _ y: Int) -> Int {
    let r = x % y
    if r != 0 && ((r < 0) != (y < 0)) { return r + y }
    return r
}
func bigFloorDiv(_ x: BigInt, _ y: BigInt) -> BigInt {
    let (q, r) = x.quotientAndRemainder(dividingBy: y)
    if !r.isZero && ((r < 0) != (y < 0)) { return q - 1 }
    return q
}
func bigFloorMod(_ x: BigInt, _ y: BigInt) -> BigInt {
    let r = x % y
    if !r.isZero && ((r < 0) != (y < 0)) { return r + y }
    return r
}

private func intOp(_ op: BinOp, _ x: BigOrSmall, _ y: BigOrSmall, _ a: Value, _ b: Value) throws -> Value {
    if case .small(let i) = x, case .small(let j) = y {
        switch op {
        case .add: let (r, o) = i.addingReportingOverflow(j); if !o { return .int(r) }
        case .sub: let (r, o) = i.subtractingReportingOverflow(j); if !o { return .int(r) }
        case .mul: let (r, o) = i.multipliedReportingOverflow(by: j); if !o { return .int(r) }
        case .floordiv:
            if j == 0 { throw zeroDivision() }
            if !(i == Int.min && j == -1) { return .int(floorDiv(i, j)) }
        case .mod:
            if j == 0 { throw zeroDivision() }
            if j == -1 { return .int(0) }
            return .int(floorMod(i, j))
        case .truediv:
            if j == 0 { throw zeroDivision() }
            return .float(Double(i) / Double(j))
        case .and: return .int(i & j)
        case .or: return .int(i | j)
        case .xor: return .int(i ^ j)
        case .lshift:
            if j < 0 { throw valueError("negative shift count") }
            if j < 63 && (i == 0 || (abs(i) < (1 << (62 - j)))) { return .int(i << j) }
        case .rshift:
            if j < 0 { throw valueError("negative shift count") }
            return .int(j >= 64 ? (i < 0 ? -1 : 0) : i >> j)
        case .pow:
            if j < 0 {
                if i == 0 { throw zeroDivision() }
                return .float(pow(Double(i), Double(j)))
            }
            var result = 1, base = i, e = j, overflow = false
            while e > 0 {
                if e & 1 == 1 { let (r, o) = result.multipliedReportingOverflow(by: base); result = r; overflow = overflow || o }
                e >>= 1
                if e > 0 { let (r, o) = base.multipliedReportingOverflow(by: base); base = r; overflow = overflow || o }
                if overflow { break }
            }
            if !overflow { return .int(result) }
        case .matmul: throw unsupported(op, a, b)
        }
    }
    let p = x.big, q = y.big
    switch op {
    case .add: return .bigint(p + q)
    case .sub: return .bigint(p - q)
    case .mul:
        try checkAllocation((p.bitWidth + q.bitWidth) / 8)
        return .bigint(p * q)
    case .floordiv: if q.isZero { throw zeroDivision() }; return .bigint(bigFloorDiv(p, q))
    case .mod: if q.isZero { throw zeroDivision() }; return .bigint(bigFloorMod(p, q))
    case .truediv: if q.isZero { throw zeroDivision() }; return .float(Double(p) / Double(q))
    case .and: return .bigint(p & q)
    case .or: return .bigint(p | q)
    case .xor: return .bigint(p ^ q)
    case .lshift:
        if q < 0 { throw valueError("negative shift count") }
        guard let n = Int(exactly: q), n < 1 << 24 else { throw pyErr(overflowErrorType, "result overflows") }
        try checkAllocation((p.bitWidth + n) / 8)
        return .bigint(p << n)
    case .rshift:
        if q < 0 { throw valueError("negative shift count") }
        guard let n = Int(exactly: q) else { return .int(p < 0 ? -1 : 0) }
        // Python's >> floors; BigInt shifts the magnitude, which truncates negative numbers.
        if p < 0 { return .bigint(-((-p - 1) >> n) - 1) }
        return .bigint(p >> n)
    case .pow:
        if q < 0 {
            if p.isZero { throw zeroDivision() }
            return .float(pow(Double(p), Double(q)))
        }
        guard let n = Int(exactly: q) else {
            if p.isZero || p == 1 { return .bigint(p) }
            if p == -1 { return .int(q.isMultiple(of: 2) ? 1 : -1) }
            throw pyErr(overflowErrorType, "result overflows")
        }
        // The result needs about bitWidth * n bits: refuse a huge one before computing it.
        if p.magnitude > 1 {
            let (bits, overflow) = p.magnitude.bitWidth.multipliedReportingOverflow(by: n)
            try checkAllocation(overflow ? Int.max : bits / 8)
        }
        return .bigint(p.power(n))
    case .matmul: throw unsupported(op, a, b)
    }
}

private func floatOp(_ op: BinOp, _ x: Double, _ y: Double, _ a: Value, _ b: Value) throws -> Value {
    switch op {
    case .add: return .float(x + y)
    case .sub: return .float(x - y)
    case .mul: return .float(x * y)
    case .truediv: if y == 0 { throw zeroDivision() }; return .float(x / y)
    case .floordiv:
        if y == 0 { throw zeroDivision() }
        return .float(pyFloatFloorDiv(x, y))
    case .mod:
        if y == 0 { throw zeroDivision() }
        return .float(pyFloatMod(x, y))
    case .pow:
        if x == 0 && y < 0 && !y.isInfinite { throw zeroDivision() }
        if x < 0 && y != y.rounded(.down) && !y.isNaN { return .object(try complexPow(PyComplex(x, 0), PyComplex(y, 0))) }
        return .float(pow(x, y))
    default: throw unsupported(op, a, b)
    }
}

func pyFloatMod(_ x: Double, _ y: Double) -> Double {
    var m = fmod(x, y)
    if m != 0 { if (y < 0) != (m < 0) { m += y } } else { m = copysign(0, y) }
    return m
}
func pyFloatFloorDiv(_ x: Double, _ y: Double) -> Double {
    let m = fmod(x, y)
    var div = (x - m) / y
    if m != 0 && ((y < 0) != (m < 0)) { div -= 1 }
    if div == 0 { return copysign(0, x / y) }
    let f = floor(div)
    return div - f > 0.5 ? f + 1 : f
}

func complexParts(_ v: Value) throws -> (Double, Double) {
    if case .object(let c as PyComplex) = v { return (c.re, c.im) }
    if case .object(let inst as PyInstance) = v, let f = inst.cls.lookupUser("__complex__") {
        // Like __float__, MicroPython insists that __complex__ return a complex.
        guard case .object(let c as PyComplex) = try callValue(f, [v], []) else { throw typeError("can't convert \(inst.cls.name) to complex") }
        return (c.re, c.im)
    }
    return (try toDouble(v), 0)
}

func complexPow(_ a: PyComplex, _ b: PyComplex) throws -> PyComplex {
    if b.re == 0 && b.im == 0 { return PyComplex(1, 0) }
    if a.re == 0 && a.im == 0 {
        if b.im != 0 || b.re < 0 { throw zeroDivision() }
        return PyComplex(0, 0)
    }
    let logr = log(hypot(a.re, a.im)), theta = atan2(a.im, a.re)
    let r = exp(logr * b.re - theta * b.im)
    let t = theta * b.re + logr * b.im
    return PyComplex(r * cos(t), r * sin(t))
}

private func complexOp(_ op: BinOp, _ a: Value, _ b: Value) throws -> Value {
    let (ar, ai) = try complexParts(a), (br, bi) = try complexParts(b)
    switch op {
    case .add: return .object(PyComplex(ar + br, ai + bi))
    case .sub: return .object(PyComplex(ar - br, ai - bi))
    case .mul: return .object(PyComplex(ar * br - ai * bi, ar * bi + ai * br))
    case .truediv:
        let d = br * br + bi * bi
        if d == 0 { throw zeroDivision() }
        return .object(PyComplex((ar * br + ai * bi) / d, (ai * br - ar * bi) / d))
    case .pow: return .object(try complexPow(PyComplex(ar, ai), PyComplex(br, bi)))
    default: throw unsupported(op, a, b)
    }
}

private func setOp(_ op: BinOp, _ x: PyDict, _ y: PyDict, _ a: Value, _ b: Value) throws -> Value {
    guard let r = try SetAlgebra.binary(op, x, b) else { throw unsupported(op, a, b) }
    return .object(r)
}

/// In-place operators: lists/bytearrays/sets mutate; instances try __iadd__ first.
func inplaceOp(_ op: BinOp, _ a: Value, _ b: Value) throws -> Value {
    if case .int = a { return try binaryOp(op, a, b) }
    if case .object(let o) = a {
        switch o {
        case let l as PyList where op == .add:
            if case .object(let r as PyList) = b { l.items.append(contentsOf: r.items); return a }
            let items = try iterateToArray(b)
            l.items.append(contentsOf: items)
            return a
        case let l as PyList where op == .mul:
            if let n = intOperand(b) { l.items = try repeatArray(l.items, n); return a }
        case let ba as PyByteArray where op == .add:
            if let y = bytesLike(b) { ba.bytes.append(contentsOf: y); return a }
        case let d as PyDict where d.isSet && !d.frozen:
            if case .object(let r as PyDict) = b, r.isSet, try SetAlgebra.inPlace(op, d, b) {
                return a
            }
        case let inst as PyInstance:
            // The unix port has only __iadd__ and __isub__ (no MICROPY_PY_ALL_INPLACE_SPECIAL_METHODS).
            if op == .add || op == .sub, let f = inst.cls.lookupUser(op.inplace) {
                let r = try callSpecial(f, a, inst.cls, [b])
                if !r.isIdentical(.object(notImplemented)) { return r }
            }
        default: break
        }
    }
    return try binaryOp(op, a, b)
}

func unaryOp(_ op: String, _ v: Value) throws -> Value {
    switch (op, v) {
    case ("-", .int(let i)): if i != Int.min { return .int(-i) }; return .bigint(-BigInt(i))
    case ("-", .bool(let b)): return .int(b ? -1 : 0)
    case ("-", .float(let d)): return .float(-d)
    case ("+", .int), ("+", .float): return v
    case ("+", .bool(let b)): return .int(b ? 1 : 0)
    case ("~", .int(let i)): return .int(~i)
    case ("~", .bool(let b)): return .int(b ? -2 : -1)
    case ("not", _): return .bool(!(try truthy(v)))
    default: break
    }
    if case .object(let o) = v {
        switch o {
        case let b as PyBigInt:
            if op == "-" { return .bigint(-b.value) }
            if op == "+" { return v }
            if op == "~" { return .bigint(-b.value - 1) }
        case let c as PyComplex:
            if op == "-" { return .object(PyComplex(-c.re, -c.im)) }
            if op == "+" { return v }
        case let inst as PyInstance:
            let name = op == "-" ? "__neg__" : (op == "+" ? "__pos__" : "__invert__")
            if let f = inst.cls.lookupUser(name) { return try callValue(f, [v], []) }
            if let b = inst.base { return try unaryOp(op, b) }
        default: break
        }
    }
    let name = op == "-" ? "__neg__" : (op == "+" ? "__pos__" : "__invert__")
    throw typeError("unsupported type for \(name): '\(typeName(v))'")
}

/// Calls a special method found on a class, honouring staticmethod and classmethod wrappers
/// (MicroPython lets `__sub__ = staticmethod(...)` serve an operator).
func callSpecial(_ f: Value, _ owner: Value, _ cls: PyClass, _ rest: [Value]) throws -> Value {
    switch f {
    case .object(let s as PyStaticMethod): return try callValue(s.function, rest, [])
    case .object(let c as PyClassMethod): return try callValue(c.function, [.object(cls)] + rest, [])
    default: return try callValue(f, [owner] + rest, [])
    }
}
