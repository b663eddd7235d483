import BigInt
import Foundation

// MARK: - truth, hashing, equality

func truthy(_ v: Value) throws -> Bool {
    switch v {
    case .none: return false
    case .bool(let b): return b
    case .int(let i): return i != 0
    case .float(let d): return d != 0
    case .str(let s): return !s.value.isEmpty
    case .object(let o):
        switch o {
        case let l as PyList: return !l.items.isEmpty
        case let t as PyTuple: return !t.items.isEmpty
        case let d as PyDict: return d.count > 0
        case let dv as PyDictView: return dv.dict.count > 0
        case let b as PyBytes: return !b.bytes.isEmpty
        case let b as PyByteArray: return !b.bytes.isEmpty
        case let r as PyRange: return r.count > 0
        case let arr as PyArray: return arr.count > 0
        case let c as PyComplex: return c.re != 0 || c.im != 0
        case is PyBigInt: return true
        case let inst as PyInstance:
            if let f = inst.cls.lookupUser("__bool__") { return try truthy(try callValue(f, [v], [])) }
            if let f = inst.cls.lookupUser("__len__") { return try toInt(try callValue(f, [v], [])) != 0 }
            if let b = inst.base { return try truthy(b) }
            return true
        default: return true
        }
    }
}

func hashDouble(_ d: Double) -> Int {
    // MicroPython hashes a float by its integer part; out-of-range values, inf and nan hash to 0.
    if d.isFinite && abs(d) < 9.2e18 { return Int(d.rounded(.towardZero)) }
    return 0
}

/// Reduces a two's-complement word to MicroPython's 63-bit small-int range.
@inline(__always)
private func wrapHash63(_ x: UInt) -> Int {
    let h = x & 0x7fff_ffff_ffff_ffff
    return Int(bitPattern: h >= 0x4000_0000_0000_0000 ? h | 0x8000_0000_0000_0000 : h)
}

func pyHash(_ v: Value) throws -> Int {
    switch v {
    case .none: return 0x1234
    case .bool(let b): return b ? 1 : 0
    case .int(let i): return i >= -(1 << 62) && i < 1 << 62 ? i : wrapHash63(UInt(bitPattern: i))
    case .float(let d): return hashDouble(d)
    case .str(let s): return s.hash
    case .object(let o):
        switch o {
        case let t as PyTuple:
            var h = 0x345678
            for x in t.items { h = (h &* 1000003) ^ (try pyHash(x)) }
            return h
        case let b as PyBytes:
            var h: UInt = 5381
            for c in b.bytes { h = (h &* 33) ^ UInt(c) }
            h &= 0xffff
            return h == 0 ? 1 : Int(h)
        case let b as PyBigInt:
            // MicroPython hashes a big int to its value modulo 2**63, as a 63-bit signed number
            let m = b.value.magnitude & BigUInt((UInt64(1) << 63) - 1)
            let low = UInt(m)
            return wrapHash63(b.value.sign == .minus ? (0 &- low) : low)
        case let c as PyComplex: return hashDouble(c.re) ^ hashDouble(c.im)
        case is PySlice: throw typeError("unsupported type for __hash__: 'slice'")
        case let d as PyDict where d.isSet && d.frozen:
            var h = 0
            for k in d.keyList { h ^= try pyHash(k) }
            return h
        case let v as PyDictView where v.kind != .values: throw typeError("unsupported type for __hash__: 'dict_view'")
        case is PyList, is PyByteArray: throw typeError("unsupported type for __hash__: '\(o.pyClass.name)'")
        case let d as PyDict where d.customClass == nil: _ = d; throw typeError("unsupported type for __hash__: '\(o.pyClass.name)'")
        case let inst as PyInstance:
            if let f = inst.cls.lookupUser("__hash__") {
                if case .none = f { throw typeError("unsupported type for __hash__: '\(inst.cls.name)'") }
                let h = try callValue(f, [v], [])
                // MicroPython truncates a big __hash__ result to a machine word.
                if case .object(let b as PyBigInt) = h { return Int(truncatingIfNeeded: b.value) }
                return try toInt(h)
            }
            if let b = inst.base { return try pyHash(b) }
            if inst.cls.lookupUser("__eq__") != nil, !inst.cls.isExceptionClass {
                throw typeError("unsupported type for __hash__: '\(inst.cls.name)'")
            }
            return ObjectIdentifier(o).hashValue
        default: return ObjectIdentifier(o).hashValue
        }
    }
}

func numericValue(_ v: Value) -> Double? {
    switch v {
    case .int(let i): return Double(i)
    case .bool(let b): return b ? 1 : 0
    case .float(let d): return d
    case .object(let o as PyBigInt): return Double(o.value)
    default: return nil
    }
}

func bigValue(_ v: Value) -> BigInt? {
    switch v {
    case .int(let i): return BigInt(i)
    case .bool(let b): return b ? 1 : 0
    case .object(let o as PyBigInt): return o.value
    default: return nil
    }
}

func pyEquals(_ a: Value, _ b: Value) throws -> Bool {
    switch (a, b) {
    case let (.int(x), .int(y)): return x == y
    case let (.str(x), .str(y)): return x === y || x.value == y.value
    case let (.float(x), .float(y)): return x == y
    case (.none, .none): return true
    case let (.bool(x), .bool(y)): return x == y
    case (.none, _), (_, .none): 
        if case .object(let o as PyInstance) = a, !(o is PyExceptionObject) { return try instanceEquals(a, b) }
        if case .object(let o as PyInstance) = b, !(o is PyExceptionObject) { return try instanceEquals(a, b) }
        return false
    default: break
    }
    if case .object(let oa) = a, oa is PyInstance { return try instanceEquals(a, b) }
    if case .object(let ob) = b, ob is PyInstance { return try instanceEquals(a, b) }
    if let x = numericValue(a), let y = numericValue(b) {
        if case .float = a { return x == y }
        if case .float = b { return x == y }
        if let bx = bigValue(a), let by = bigValue(b) { return bx == by }
        return x == y
    }
    switch (a, b) {
    case let (.object(x), .object(y)):
        // NaN inside a complex is unequal even to itself, so identity proves nothing there.
        if x === y && !(x is PyComplex) { return true }
        switch (x, y) {
        case let (l as PyList, r as PyList): return try seqEquals(l.items, r.items)
        case let (l as PyTuple, r as PyTuple): return try seqEquals(l.items, r.items)
        case let (l as PyDict, r as PyDict):
            if l.isSet != r.isSet { return false }
            if l.count != r.count { return false }
            // MicroPython compares two OrderedDicts in order and never equates one with a dict.
            if l.isOrderedDict != r.isOrderedDict { return false }
            if l.isOrderedDict {
                for ((lk, lv), (rk, rv)) in zip(l.entries, r.entries) {
                    if !(try pyEquals(lk, rk)) { return false }
                    if !(try pyEquals(lv, rv)) { return false }
                }
                return true
            }
            for (k, v) in l.entries {
                guard let rv = try r.get(k) else { return false }
                if !l.isSet, !(try pyEquals(v, rv)) { return false }
            }
            return true
        case let (l as PyComplex, r as PyComplex): return l.re == r.re && l.im == r.im
        // MicroPython compares dict views and ranges by identity only.
        case let (l as PyArray, r as PyArray): return try l.equals(r)
        case (is PyArray, _): return false
        case (is PyBytes, _), (is PyByteArray, _), (is PyMemoryView, _):
            guard let lb = bytesLike(x), let rb = bytesLike(y) else { return false }
            return lb == rb
        default: return false
        }
    case let (.object(x as PyComplex), _):
        if let y = numericValue(b) { return x.im == 0 && x.re == y }
        return false
    case let (_, .object(y as PyComplex)):
        if let x = numericValue(a) { return y.im == 0 && y.re == x }
        return false
    default: return false
    }
}

private func instanceEquals(_ a: Value, _ b: Value) throws -> Bool {
    if case .object(let ia as PyInstance) = a, let f = ia.cls.lookupUser("__eq__") {
        let r = try callValue(f, [a, b], [])
        if !r.isIdentical(.object(notImplemented)) { return try truthy(r) }
    }
    if case .object(let ib as PyInstance) = b, let f = ib.cls.lookupUser("__eq__") {
        let r = try callValue(f, [b, a], [])
        if !r.isIdentical(.object(notImplemented)) { return try truthy(r) }
    }
    if case .object(let ia as PyInstance) = a, let base = ia.base { return try pyEquals(base, b) }
    if case .object(let ib as PyInstance) = b, let base = ib.base { return try pyEquals(a, base) }
    return a.isIdentical(b)
}

func seqEquals(_ a: [Value], _ b: [Value]) throws -> Bool {
    if a.count != b.count { return false }
    for i in 0..<a.count where !a[i].isIdentical(b[i]) {
        if !(try pyEquals(a[i], b[i])) { return false }
    }
    return true
}

func bytesLike(_ o: PyObject) -> [UInt8]? {
    switch o {
    case let b as PyBytes: return b.bytes
    case let b as PyByteArray: return b.bytes
    case let m as PyMemoryView: return m.bytes
    case let a as PyArray: return a.rawBytes
    default: return nil
    }
}
func bytesLike(_ v: Value) -> [UInt8]? {
    if case .object(let o) = v { return bytesLike(o) }
    return nil
}

// MARK: - ordering

func compareError(_ op: String, _ a: Value, _ b: Value) -> PyError {
    typeError("unsupported types for \(op): '\(typeName(a))', '\(typeName(b))'")
}

/// Implements <, <=, >, >= ; `op` is the dunder name.
func richCompare(_ op: String, _ a: Value, _ b: Value) throws -> Bool {
    switch (a, b) {
    case let (.int(x), .int(y)):
        switch op { case "__lt__": return x < y; case "__le__": return x <= y; case "__gt__": return x > y; default: return x >= y }
    case let (.float(x), .float(y)):
        switch op { case "__lt__": return x < y; case "__le__": return x <= y; case "__gt__": return x > y; default: return x >= y }
    case let (.str(x), .str(y)):
        let c = compareStrings(x.value, y.value)
        switch op { case "__lt__": return c < 0; case "__le__": return c <= 0; case "__gt__": return c > 0; default: return c >= 0 }
    default: break
    }
    let reflected = ["__lt__": "__gt__", "__gt__": "__lt__", "__le__": "__ge__", "__ge__": "__le__"][op]!
    if case .object(let ia as PyInstance) = a, let f = ia.cls.lookupUser(op) {
        let r = try callValue(f, [a, b], [])
        if !r.isIdentical(.object(notImplemented)) { return try truthy(r) }
    }
    if case .object(let ib as PyInstance) = b, let f = ib.cls.lookupUser(reflected) {
        let r = try callValue(f, [b, a], [])
        if !r.isIdentical(.object(notImplemented)) { return try truthy(r) }
    }
    if case .object(let ia as PyInstance) = a, let base = ia.base { return try richCompare(op, base, b) }
    if case .object(let ib as PyInstance) = b, let base = ib.base { return try richCompare(op, a, base) }
    if numericValue(a) != nil, numericValue(b) != nil {
        let c: Int
        if let x = bigValue(a), let y = bigValue(b) { c = x < y ? -1 : (x > y ? 1 : 0) } else {
            let x = numericValue(a)!, y = numericValue(b)!
            if x.isNaN || y.isNaN { return false }
            c = x < y ? -1 : (x > y ? 1 : 0)
        }
        switch op { case "__lt__": return c < 0; case "__le__": return c <= 0; case "__gt__": return c > 0; default: return c >= 0 }
    }
    if case .object(let x) = a, case .object(let y) = b {
        var c: Int? = nil
        switch (x, y) {
        case let (l as PyList, r as PyList): c = try compareSeq(op, l.items, r.items)
        case let (l as PyTuple, r as PyTuple): c = try compareSeq(op, l.items, r.items)
        case let (l as PyDict, r as PyDict) where l.isSet && r.isSet:
            let sub = try l.keyList.allSatisfy { try r.get($0) != nil }
            let sup = try r.keyList.allSatisfy { try l.get($0) != nil }
            switch op {
            case "__le__": return sub
            case "__ge__": return sup
            case "__lt__": return sub && l.count < r.count
            default: return sup && l.count > r.count
            }
        default:
            if let lb = bytesLike(x), let rb = bytesLike(y) {
                c = lb.lexicographicallyPrecedes(rb) ? -1 : (lb == rb ? 0 : 1)
            }
        }
        if let c {
            switch op { case "__lt__": return c < 0; case "__le__": return c <= 0; case "__gt__": return c > 0; default: return c >= 0 }
        }
    }
    throw compareError(op, a, b)
}

func compareStrings(_ a: String, _ b: String) -> Int {
    var ia = a.unicodeScalars.makeIterator(), ib = b.unicodeScalars.makeIterator()
    while true {
        let x = ia.next(), y = ib.next()
        switch (x, y) {
        case (nil, nil): return 0
        case (nil, _): return -1
        case (_, nil): return 1
        case let (.some(p), .some(q)):
            if p.value != q.value { return p.value < q.value ? -1 : 1 }
        }
    }
}

/// Returns -1/0/1 comparing sequences lexicographically (elements compared with == then op).
private func compareSeq(_ op: String, _ a: [Value], _ b: [Value]) throws -> Int {
    let n = min(a.count, b.count)
    for i in 0..<n {
        if try pyEquals(a[i], b[i]) { continue }
        return try richCompare("__lt__", a[i], b[i]) ? -1 : 1
    }
    return a.count < b.count ? -1 : (a.count == b.count ? 0 : 1)
}

func lessThan(_ a: Value, _ b: Value) throws -> Bool { try richCompare("__lt__", a, b) }

// MARK: - conversions

func toInt(_ v: Value) throws -> Int {
    switch v {
    case .int(let i): return i
    case .bool(let b): return b ? 1 : 0
    case .object(let o as PyBigInt): _ = o; throw pyErr(overflowErrorType, "overflow converting long int to machine word")
    case .object(let o as PyInstance):
        if let base = o.base { return try toInt(base) }
        if let f = o.cls.lookupUser("__index__") ?? o.cls.lookupUser("__int__") { return try toInt(try callValue(f, [v], [])) }
        throw typeError("can't convert \(typeName(v)) to int")
    default: throw typeError("can't convert \(typeName(v)) to int")
    }
}

/// Index conversion for subscripts: ints and bools only.
func toIndex(_ v: Value, _ what: String) throws -> Int {
    switch v {
    case .int(let i): return i
    case .bool(let b): return b ? 1 : 0
    case .object(let o as PyInstance) where o.base != nil: return try toIndex(o.base!, what)
    case .object(is PyBigInt): throw wordOverflow()
    default: throw typeError("\(what) indices must be integers, not \(typeName(v))")
    }
}

func toDouble(_ v: Value) throws -> Double {
    switch v {
    case .int(let i): return Double(i)
    case .bool(let b): return b ? 1 : 0
    case .float(let d): return d
    case .object(let o as PyBigInt): return Double(o.value)
    case .object(let o as PyInstance):
        if let base = o.base { return try toDouble(base) }
        if let f = o.cls.lookupUser("__float__") {
            // MicroPython insists that __float__ return a float.
            guard case .float(let d) = try callValue(f, [v], []) else { throw typeError("can't convert \(typeName(v)) to float") }
            return d
        }
        throw typeError("can't convert \(typeName(v)) to float")
    default: throw typeError("can't convert \(typeName(v)) to float")
    }
}

func toStr(_ v: Value) throws -> String {
    if case .str(let s) = v { return s.value }
    if case .object(let o as PyInstance) = v, case .str(let s)? = o.base { return s.value }
    throw typeError("can't convert '\(typeName(v))' object to str implicitly")
}

func bytesArg(_ v: Value) throws -> [UInt8] {
    if let b = bytesLike(v) { return b }
    throw typeError("object with buffer protocol required")
}

/// Normalizes an index against a length, raising IndexError when out of range.
func normIndex(_ i: Int, _ count: Int, _ what: String) throws -> Int {
    let j = i < 0 ? i + count : i
    if j < 0 || j >= count { throw indexError("\(what) index out of range") }
    return j
}

/// Resolves a slice against a length into (start, stop, step) like PySlice_AdjustIndices.
func sliceIndices(_ s: PySlice, _ count: Int) throws -> (Int, Int, Int) {
    var step = 1
    if !s.step.isNone { step = try toInt(s.step) }
    if step == 0 { throw valueError("slice step can't be zero") }
    func clampBig(_ v: Value) throws -> Int {
        if case .object(is PyBigInt) = v { throw wordOverflow() }
        return try toInt(v)
    }
    var start: Int, stop: Int
    if s.start.isNone { start = step > 0 ? 0 : count - 1 } else {
        start = try clampBig(s.start)
        if start < 0 { start += count; if start < 0 { start = step > 0 ? 0 : -1 } } else if start >= count { start = step > 0 ? count : count - 1 }
    }
    if s.stop.isNone { stop = step > 0 ? count : -1 } else {
        stop = try clampBig(s.stop)
        if stop < 0 { stop += count; if stop < 0 { stop = step > 0 ? 0 : -1 } } else if stop >= count { stop = step > 0 ? count : count - 1 }
    }
    return (start, stop, step)
}

func sliceIndexList(_ s: PySlice, _ count: Int) throws -> [Int] {
    let (start, stop, step) = try sliceIndices(s, count)
    var r: [Int] = []
    var i = start
    if step > 0 { while i < stop { r.append(i); i += step } } else { while i > stop { r.append(i); i += step } }
    return r
}

func sliceArray<T>(_ a: [T], _ s: PySlice) throws -> [T] {
    let (start, stop, step) = try sliceIndices(s, a.count)
    if step == 1 { return start < stop ? Array(a[start..<stop]) : [] }
    var r: [T] = []
    var i = start
    if step > 0 { while i < stop { r.append(a[i]); i += step } } else { while i > stop { r.append(a[i]); i += step } }
    return r
}

