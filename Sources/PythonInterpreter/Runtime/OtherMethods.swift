import BigInt
import Foundation

private func selfBytes(_ a: [Value]) throws -> [UInt8] {
    guard let f = a.first, let b = bytesLike(f) else { throw typeError("descriptor requires a bytes object") }
    return b
}
private func wrapLike(_ a: [Value], _ b: [UInt8]) -> Value {
    if case .object(is PyByteArray)? = a.first { return .object(PyByteArray(b)) }
    return .bytes(b)
}

/// The haystack, needle and the `[start:end]` window (slice rules: negative counts from the end,
/// None means the edge) of `find`, `index`, `rfind` and `count` on bytes and bytearray.
private func searchArguments(_ a: [Value]) throws -> ([UInt8], [UInt8], Range<Int>) {
    try needArgs(a, 2)
    let h = try selfBytes(a), n = try subBytes(a[1])
    func bound(_ i: Int, _ fallback: Int) throws -> Int {
        guard a.count > i, !a[i].isNone else { return fallback }
        let v = try toInt(a[i])
        return v < 0 ? max(0, v + h.count) : min(v, h.count)
    }
    let start = try bound(2, 0), end = try bound(3, h.count)
    return (h, n, start..<max(start, end))
}

func installBytesMethods() {
    let common: [(String, NativeFn)] = [
        ("decode", { a, _ in .string(String(decoding: try selfBytes(a), as: UTF8.self)) }),
        ("hex", { a, _ in
            let sep = a.count > 1 ? try toStr(a[1]) : ""
            return .string(try selfBytes(a).map { String(format: "%02x", $0) }.joined(separator: sep))
        }),
        ("find", { a, _ in
            let (h, n, range) = try searchArguments(a)
            return .int(findBytes(h, n, in: range) ?? -1)
        }),
        ("index", { a, _ in
            let (h, n, range) = try searchArguments(a)
            guard let r = findBytes(h, n, in: range) else { throw valueError("substring not found") }
            return .int(r)
        }),
        ("rfind", { a, _ in
            let (h, n, range) = try searchArguments(a)
            var i = range.upperBound - n.count
            while i >= range.lowerBound { if Array(h[i..<(i + n.count)]) == n { return .int(i) }; i -= 1 }
            return .int(-1)
        }),
        ("count", { a, _ in
            let (h, n, range) = try searchArguments(a)
            if n.isEmpty { return .int(range.count + 1) }
            var c = 0, i = range.lowerBound
            while let r = findBytes(h, n, in: i..<range.upperBound) { c += 1; i = r + n.count }
            return .int(c)
        }),
        ("startswith", { a, _ in
            let (h, n, range) = try searchArguments(a)
            return .bool(range.count >= n.count && Array(h[range.lowerBound..<(range.lowerBound + n.count)]) == n)
        }),
        ("endswith", { a, _ in
            let (h, n, range) = try searchArguments(a)
            return .bool(range.count >= n.count && Array(h[(range.upperBound - n.count)..<range.upperBound]) == n)
        }),
        ("partition", { a, _ in try partitionBytes(a, fromRight: false) }),
        ("rpartition", { a, _ in try partitionBytes(a, fromRight: true) }),
        ("replace", { a, _ in
            try needArgs(a, 3)
            let h = try selfBytes(a), old = try subBytes(a[1]), new = try subBytes(a[2])
            if old.isEmpty { return wrapLike(a, h) }
            var out: [UInt8] = []; var i = 0
            while i < h.count {
                if i + old.count <= h.count && Array(h[i..<(i + old.count)]) == old { out += new; i += old.count } else { out.append(h[i]); i += 1 }
            }
            return wrapLike(a, out)
        }),
        ("split", { a, kw in
            let h = try selfBytes(a)
            let sepV = a.count > 1 ? a[1] : (kwarg(kw, "sep") ?? Value.none)
            let maxSplit = a.count > 2 ? try toInt(a[2]) : -1
            if sepV.isNone {
                let s = String(decoding: h, as: UTF8.self)
                return .list(splitWhitespace(s, maxSplit).map { wrapLike(a, Array($0.utf8)) })
            }
            let sep = try subBytes(sepV)
            if sep.isEmpty { throw valueError("empty separator") }
            var parts: [Value] = []; var start = 0
            while maxSplit < 0 || parts.count < maxSplit, let r = findBytes(h, sep, from: start) {
                parts.append(wrapLike(a, Array(h[start..<r]))); start = r + sep.count
            }
            parts.append(wrapLike(a, Array(h[start...])))
            return .list(parts)
        }),
        ("rsplit", { a, kw in
            let h = try selfBytes(a)
            let sepV = a.count > 1 ? a[1] : (kwarg(kw, "sep") ?? Value.none)
            let maxSplit = a.count > 2 ? try toInt(a[2]) : try toInt(kwarg(kw, "maxsplit") ?? .int(-1))
            if sepV.isNone {
                if maxSplit >= 0 { throw pyErr(notImplementedErrorType, "rsplit(None,n)") }
                return .list(splitWhitespace(String(decoding: h, as: UTF8.self), -1).map { wrapLike(a, Array($0.utf8)) })
            }
            let sep = try subBytes(sepV)
            if sep.isEmpty { throw valueError("empty separator") }
            var parts: [Value] = []
            var end = h.count
            var i = h.count - sep.count
            while i >= 0 && (maxSplit < 0 || parts.count < maxSplit) {
                if h[i..<(i + sep.count)].elementsEqual(sep) {
                    parts.append(wrapLike(a, Array(h[(i + sep.count)..<end])))
                    end = i
                    i -= sep.count
                } else { i -= 1 }
            }
            parts.append(wrapLike(a, Array(h[0..<end])))
            return .list(parts.reversed())
        }),
        ("splitlines", { a, kw in
            let h = try selfBytes(a)
            let keep = a.count > 1 ? try truthy(a[1]) : try truthy(kwarg(kw, "keepends") ?? .bool(false))
            var out: [Value] = []
            var start = 0, i = 0
            while i < h.count {
                if h[i] == 10 || h[i] == 13 {
                    let lineEnd = i
                    if h[i] == 13 && i + 1 < h.count && h[i + 1] == 10 { i += 1 }
                    out.append(wrapLike(a, Array(h[start..<(keep ? i + 1 : lineEnd)])))
                    start = i + 1
                }
                i += 1
            }
            if start < h.count { out.append(wrapLike(a, Array(h[start...]))) }
            return .list(out)
        }),
        ("strip", { a, _ in
            let h = try selfBytes(a)
            let set: Set<UInt8> = a.count > 1 && !a[1].isNone ? Set(try subBytes(a[1])) : [32, 9, 10, 13, 11, 12]
            var s = h[...]
            while let f = s.first, set.contains(f) { s.removeFirst() }
            while let l = s.last, set.contains(l) { s.removeLast() }
            if s.count == h.count { return a[0] }  // MicroPython returns the object itself
            return wrapLike(a, Array(s))
        }),
        ("lstrip", { a, _ in
            let set: Set<UInt8> = a.count > 1 && !a[1].isNone ? Set(try subBytes(a[1])) : [32, 9, 10, 13, 11, 12]
            let h = try selfBytes(a)
            var s = h[...]
            while let f = s.first, set.contains(f) { s.removeFirst() }
            if s.count == h.count { return a[0] }
            return wrapLike(a, Array(s))
        }),
        ("rstrip", { a, _ in
            let set: Set<UInt8> = a.count > 1 && !a[1].isNone ? Set(try subBytes(a[1])) : [32, 9, 10, 13, 11, 12]
            let h = try selfBytes(a)
            var s = h[...]
            while let l = s.last, set.contains(l) { s.removeLast() }
            if s.count == h.count { return a[0] }
            return wrapLike(a, Array(s))
        }),
        ("join", { a, _ in
            try needArgs(a, 2)
            let sep = try selfBytes(a)
            var out: [UInt8] = []
            var first = true
            try forEach(a[1]) { x in
                if !first { out += sep }
                first = false
                out += try subBytes(x)
                return true
            }
            return wrapLike(a, out)
        }),
        ("upper", { a, _ in wrapLike(a, try selfBytes(a).map { $0 >= 97 && $0 <= 122 ? $0 - 32 : $0 }) }),
        ("lower", { a, _ in wrapLike(a, try selfBytes(a).map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }) }),
        ("isdigit", { a, _ in let b = try selfBytes(a); return .bool(!b.isEmpty && b.allSatisfy { $0 >= 48 && $0 <= 57 }) }),
        ("isalpha", { a, _ in let b = try selfBytes(a); return .bool(!b.isEmpty && b.allSatisfy { ($0 | 32) >= 97 && ($0 | 32) <= 122 }) }),
        ("isspace", { a, _ in let b = try selfBytes(a); return .bool(!b.isEmpty && b.allSatisfy { [32, 9, 10, 13, 11, 12].contains($0) }) }),
        ("isupper", { a, _ in
            let b = try selfBytes(a)
            return .bool(b.contains { $0 >= 65 && $0 <= 90 } && !b.contains { $0 >= 97 && $0 <= 122 })
        }),
        ("islower", { a, _ in
            let b = try selfBytes(a)
            return .bool(b.contains { $0 >= 97 && $0 <= 122 } && !b.contains { $0 >= 65 && $0 <= 90 })
        }),
        ("__len__", { a, _ in .int(try selfBytes(a).count) }),
        ("__getitem__", { a, _ in try needArgs(a, 2); return try getItem(a[0], a[1]) }),
        ("__iter__", { a, _ in try needArgs(a, 1); return try getIter(a[0]) }),
        ("__contains__", { a, _ in try needArgs(a, 2); return .bool(try contains(a[0], a[1])) }),
    ]
    addMethods(bytesType, common)
    addMethods(bytearrayType, common)
    addMethods(bytesType, [("fromhex", { a, _ in .bytes(try fromHex(try toStr(a.last ?? Value.none))) })])
    if case .object(let f)? = bytesType.dict.getStr("fromhex") { bytesType.dict.setStr("fromhex", .object(PyStaticMethod(.object(f)))) }
    addMethods(bytearrayType, [
        ("append", { a, _ in
            try needArgs(a, 2)
            guard case .object(let b as PyByteArray) = a[0] else { throw typeError("bad self") }
            b.bytes.append(try byteValue(a[1])); return .none
        }),
        ("extend", { a, _ in
            try needArgs(a, 2)
            guard case .object(let b as PyByteArray) = a[0] else { throw typeError("bad self") }
            b.bytes.append(contentsOf: try bytesFromValue(a[1])); return .none
        }),
        ("__setitem__", { a, _ in try needArgs(a, 3); try setItem(a[0], a[1], a[2]); return .none }),
    ])
    addMethods(memoryviewType, [
        ("tobytes", { a, _ in .bytes(try selfBytes(a)) }),
        ("hex", { a, _ in
            let sep = a.count > 1 ? try toStr(a[1]) : ""
            return .string(try selfBytes(a).map { String(format: "%02x", $0) }.joined(separator: sep))
        }),
        ("__len__", { a, _ in try needArgs(a, 1); return .int(try length(a[0])) }),
    ])
}

/// bytes.fromhex: pairs of hex digits; whitespace may separate pairs but not split one.
func fromHex(_ s: String) throws -> [UInt8] {
    var out: [UInt8] = []
    var high: UInt8? = nil
    for c in s.unicodeScalars {
        if c.properties.isWhitespace && high == nil { continue }
        guard c.isASCII, let d = UInt8(String(c), radix: 16) else {
            throw valueError("non-hexadecimal number found in fromhex() arg")
        }
        if let h = high { out.append(h << 4 | d); high = nil } else { high = d }
    }
    if high != nil { throw valueError("non-hexadecimal number found in fromhex() arg") }
    return out
}

private func partitionBytes(_ a: [Value], fromRight: Bool) throws -> Value {
    let h = try selfBytes(a)
    guard a.count > 1, let sep = bytesLike(a[1]) else { throw typeError("a bytes-like object is required") }
    if sep.isEmpty { throw valueError("empty separator") }
    var found: Int? = nil
    if h.count >= sep.count {
        let starts = Array(0...(h.count - sep.count))
        for i in fromRight ? starts.reversed() : starts where Array(h[i..<(i + sep.count)]) == sep { found = i; break }
    }
    guard let i = found else {
        // MicroPython hands back the object itself and two empty bytes
        return .tuple(fromRight ? [.bytes([]), .bytes([]), a[0]] : [a[0], .bytes([]), .bytes([])])
    }
    return .tuple([wrapLike(a, Array(h[..<i])), wrapLike(a, sep), wrapLike(a, Array(h[(i + sep.count)...]))])
}

private func subBytes(_ v: Value) throws -> [UInt8] {
    if let b = bytesLike(v) { return b }
    if case .int(let i) = v { return [try byteValue(.int(i))] }
    throw typeError("a bytes-like object is required, not '\(typeName(v))'")
}

func installNumberMethods() {
    addMethods(intType, [
        ("to_bytes", { a, kw in
            guard let first = a.first, let b = bigValue(first) else { throw typeError("bad self") }
            let n = a.count > 1 ? try toInt(a[1]) : try toInt(kwarg(kw, "length") ?? .int(1))
            let order = a.count > 2 ? try toStr(a[2]) : ((try? toStr(kwarg(kw, "byteorder") ?? .string("big"))) ?? "big")
            let signed = try truthy(kwarg(kw, "signed") ?? .bool(false))
            if b < 0 && !signed { throw pyErr(overflowErrorType, "can't convert negative int to unsigned") }
            var v = b < 0 ? (BigInt(1) << (n * 8)) + b : b
            var out: [UInt8] = []
            for _ in 0..<n { out.append(UInt8(truncatingIfNeeded: Int(v & 0xff))); v >>= 8 }
            if !v.isZero && !signed { throw pyErr(overflowErrorType, "buffer too small") }
            return .bytes(order == "little" ? out : out.reversed())
        }),
        ("from_bytes", { a, kw in
            let args = a.first.map { if case .object(is PyClass) = $0 { return Array(a.dropFirst()) }; return a } ?? a
            guard args.count >= 1 else { throw typeError("function missing required argument") }
            let bytes = try bytesFromValue(args[0])
            let order = args.count > 1 ? try toStr(args[1]) : ((try? toStr(kwarg(kw, "byteorder") ?? .string("big"))) ?? "big")
            let signed = try truthy(kwarg(kw, "signed") ?? .bool(false))
            let seq = order == "little" ? bytes.reversed() : bytes
            var v = BigInt(0)
            for x in seq { v = (v << 8) | BigInt(x) }
            if signed, let first = seq.first, first & 0x80 != 0 { v -= BigInt(1) << (bytes.count * 8) }
            return .bigint(v)
        }),
        ("conjugate", { a, _ in try needArgs(a, 1); return a[0] }),
        ("__index__", { a, _ in try needArgs(a, 1); return a[0] }),
        ("__int__", { a, _ in try needArgs(a, 1); return a[0] }),
    ])
    if case .object(let f)? = intType.dict.getStr("from_bytes") { intType.dict.setStr("from_bytes", .object(PyClassMethod(.object(f)))) }
    for op in [BinOp.add, .sub, .mul, .truediv, .floordiv, .mod, .pow, .lshift, .rshift, .and, .or, .xor] {
        let o = op
        addMethods(intType, [(op.dunder, { a, _ in
            guard a.count == 2 else { throw typeError("bad args") }
            if intOperand(a[1]) == nil, !(a[1].asObject is PyInstance) { return .object(notImplemented) }
            return try binaryOp(o, a[0], a[1])
        })])
        addMethods(intType, [(op.reflected, { a, _ in try needArgs(a, 2); return try binaryOp(o, a[1], a[0]) })])
        addMethods(floatType, [(op.dunder, { a, _ in try needArgs(a, 2); return try binaryOp(o, a[0], a[1]) })])
        addMethods(floatType, [(op.reflected, { a, _ in try needArgs(a, 2); return try binaryOp(o, a[1], a[0]) })])
    }
    for name in ["__lt__", "__le__", "__gt__", "__ge__"] {
        addMethods(intType, [(name, { a, _ in try needArgs(a, 2); return .bool(try richCompare(name, a[0], a[1])) })])
        addMethods(floatType, [(name, { a, _ in try needArgs(a, 2); return .bool(try richCompare(name, a[0], a[1])) })])
    }
    addMethods(intType, [
        ("__eq__", { a, _ in try needArgs(a, 2); return .bool(try pyEquals(a[0], a[1])) }),
        ("__hash__", { a, _ in try needArgs(a, 1); return .int(try pyHash(a[0])) }),
        ("__neg__", { a, _ in try needArgs(a, 1); return try unaryOp("-", a[0]) }),
        ("__str__", { a, _ in try needArgs(a, 1); return .string(try str(a[0])) }),
        ("__repr__", { a, _ in try needArgs(a, 1); return .string(try repr(a[0])) }),
    ])
    addMethods(floatType, [
        ("__eq__", { a, _ in try needArgs(a, 2); return .bool(try pyEquals(a[0], a[1])) }),
        ("__hash__", { a, _ in try needArgs(a, 1); return .int(try pyHash(a[0])) }),
        ("__neg__", { a, _ in try needArgs(a, 1); return try unaryOp("-", a[0]) }),
        ("__int__", { a, _ in try needArgs(a, 1); return try instantiate(intType, [a[0]], []) }),
        ("__float__", { a, _ in try needArgs(a, 1); return a[0] }),
        ("__str__", { a, _ in try needArgs(a, 1); return .string(try str(a[0])) }),
        ("__repr__", { a, _ in try needArgs(a, 1); return .string(try repr(a[0])) }),
        ("conjugate", { a, _ in try needArgs(a, 1); return a[0] }),
        ("as_integer_ratio", { a, _ in
            try needArgs(a, 1)
            var d = try toDouble(a[0])
            if !d.isFinite { throw valueError("cannot convert to integer ratio") }
            var den = BigInt(1)
            while d != d.rounded() { d *= 2; den *= 2 }
            return .tuple([.bigint(BigInt(d)), .bigint(den)])
        }),
    ])
    addMethods(complexType, [
        ("conjugate", { a, _ in
            try needArgs(a, 1)
            guard case .object(let c as PyComplex) = a[0] else { throw typeError("bad self") }
            return .object(PyComplex(c.re, -c.im))
        }),
    ])
}

private func selfGenerator(_ a: [Value]) throws -> PyGenerator {
    guard case .object(let g as PyGenerator)? = a.first else { throw typeError("descriptor requires a generator") }
    return g
}

func installObjectMethods() {
    addMethods(objectType, [
        ("__init__", { _, _ in .none }),
        ("__new__", { a, _ in
            guard case .object(let c as PyClass)? = a.first else { throw typeError("object.__new__(X): X is not a type object") }
            return try makeInstance(c, [], [])
        }),
        ("__eq__", { a, _ in try needArgs(a, 2); return a[0].isIdentical(a[1]) ? .bool(true) : .object(notImplemented) }),
        ("__ne__", { a, _ in
            try needArgs(a, 2)
            let r = try pyEquals(a[0], a[1])
            return .bool(!r)
        }),
        ("__repr__", { a, _ in
            try needArgs(a, 1)
            if case .object(let o) = a[0] { return .string("<\(o.pyClass.name) object at \(objectAddress(o))>") }
            return .string(try repr(a[0]))
        }),
        ("__str__", { a, _ in try needArgs(a, 1); return .string(try repr(a[0])) }),
        ("__hash__", { a, _ in
            try needArgs(a, 1)
            if case .object(let o) = a[0] { return .int(ObjectIdentifier(o).hashValue) }
            return .int(try pyHash(a[0]))
        }),
        ("__setattr__", { a, _ in
            guard a.count == 3, case .object(let inst as PyInstance) = a[0] else { throw typeError("bad self") }
            if let ca = inst.cls.lookup(try toStr(a[1])), case .object(let p as PyProperty) = ca, !p.fset.isNone {
                _ = try callValue(p.fset, [a[0], a[2]], []); return .none
            }
            inst.attrs[try toStr(a[1])] = a[2]
            return .none
        }),
        ("__delattr__", { a, _ in
            guard a.count == 2, case .object(let inst as PyInstance) = a[0] else { throw typeError("bad self") }
            let n = try toStr(a[1])
            if inst.attrs.removeValue(forKey: n) == nil { throw attributeError(n) }
            return .none
        }),
        ("__getattribute__", { a, _ in
            guard a.count == 2, case .object(let inst as PyInstance) = a[0] else { throw typeError("bad self") }
            let n = try toStr(a[1])
            if let v = inst.attrs[n] { return v }
            if let ca = inst.cls.lookup(n) { return try bindClassAttr(ca, a[0], inst.cls) }
            throw attributeError("'\(inst.cls.name)' object has no attribute '\(n)'")
        }),
        ("__init_subclass__", { _, _ in .none }),
        ("__dir__", { a, _ in try needArgs(a, 1); return try callValue(.object(PyBuiltinFunction("dir") { _, _ in .list([]) }), [a[0]], []) }),
    ])
    if case .object(let f)? = objectType.dict.getStr("__new__") { objectType.dict.setStr("__new__", .object(PyStaticMethod(.object(f)))) }
    if case .object(let f)? = objectType.dict.getStr("__init_subclass__") { objectType.dict.setStr("__init_subclass__", .object(PyClassMethod(.object(f)))) }
    _ = try? objectType.dict.remove(.string("__dir__"))
    // MicroPython's type has no methods of its own (no mro(), no __subclasses__()), so type.__dict__ == {}
    addMethods(baseExceptionType, [
        ("__init__", { a, _ in
            if case .object(let e as PyExceptionObject)? = a.first { e.args = Array(a.dropFirst()) }
            return .none
        }),
        ("with_traceback", { a, _ in try needArgs(a, 1); return a[0] }),
        ("add_note", { _, _ in .none }),
    ])
    // generators
    let genMethods: [(String, NativeFn)] = [
        ("send", { a, _ in
            let g = try selfGenerator(a)
            if let v = try g.resume(a.count > 1 ? a[1] : .none) { return v }
            throw PyError(exception: makeException(stopIterationType, { let r = g.takeReturnValue(); return r.isNone ? [] : [r] }()))
        }),
        ("__next__", { a, _ in
            let g = try selfGenerator(a)
            if let v = try g.resume(.none) { return v }
            throw PyError(exception: makeException(stopIterationType, { let r = g.takeReturnValue(); return r.isNone ? [] : [r] }()))
        }),
        ("throw", { a, _ in
            let g = try selfGenerator(a)
            guard a.count > 1 else { throw typeError("throw expected at least 1 argument") }
            var excV = a[1]
            if a.count > 2, case .object(let c as PyClass) = a[1], !a[2].isNone {
                excV = try callValue(.object(c), [a[2]], [])
            }
            // A non-exception object still reaches a `yield from` delegate's own throw method.
            let error: PyError
            if let exc = try? makeRaisable(excV) {
                error = PyError(exception: exc, thrown: excV.asObject is PyExceptionObject ? nil : excV)
            } else {
                error = PyError(exception: makeException(typeErrorType, [.string("exceptions must derive from BaseException")]), thrown: excV)
            }
            if let v = try g.throwIn(error) { return v }
            throw PyError(exception: makeException(stopIterationType, { let r = g.takeReturnValue(); return r.isNone ? [] : [r] }()))
        }),
        ("close", { a, _ in try selfGenerator(a).close(); return .none }),
        ("pend_throw", { a, _ in
            let g = try selfGenerator(a)
            try argCount(a, 2, 2, "pend_throw")
            let previous = g.pendingThrow ?? .none
            g.pendingThrow = a[1]
            return previous
        }),
        ("__iter__", { a, _ in try needArgs(a, 1); return a[0] }),
    ]
    addMethods(generatorType, genMethods)
    addMethods(coroutineType, genMethods)
    addMethods(coroutineType, [("__await__", { a, _ in try needArgs(a, 1); return a[0] })])
    addMethods(iteratorType, [
        ("__next__", { a, _ in
            try needArgs(a, 1)
            if let v = try nextValue(a[0]) { return v }
            throw PyError(exception: makeException(stopIterationType, []))
        }),
        ("__iter__", { a, _ in try needArgs(a, 1); return a[0] }),
    ])
    addMethods(propertyType, [
        ("getter", { a, _ in
            try needArgs(a, 2)
            guard case .object(let p as PyProperty) = a[0] else { throw typeError("bad self") }
            return .object(PyProperty(a[1], p.fset, p.fdel))
        }),
        ("setter", { a, _ in
            try needArgs(a, 2)
            guard case .object(let p as PyProperty) = a[0] else { throw typeError("bad self") }
            return .object(PyProperty(p.fget, a[1], p.fdel))
        }),
        ("deleter", { a, _ in
            try needArgs(a, 2)
            guard case .object(let p as PyProperty) = a[0] else { throw typeError("bad self") }
            return .object(PyProperty(p.fget, p.fset, a[1]))
        }),
    ])
}
