import BigInt
import Foundation

let typeMethodsInstalled: Bool = {
    installConstructors()
    installStrMethods()
    installListMethods()
    installDictMethods()
    installSetMethods()
    installBytesMethods()
    installNumberMethods()
    installObjectMethods()
    return true
}()

extension Runtime {
    func installTypeConstructors() { _ = typeMethodsInstalled }
}

func parseIntString(_ text: String, base: Int) throws -> Value {
    var s = text.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "_", with: "")
    let orig = text
    var neg = false
    if s.hasPrefix("-") { neg = true; s.removeFirst() } else if s.hasPrefix("+") { s.removeFirst() }
    var b = base
    let lower = s.lowercased()
    if (b == 16 || b == 0) && lower.hasPrefix("0x") { s.removeFirst(2); b = 16 }
    else if (b == 8 || b == 0) && lower.hasPrefix("0o") { s.removeFirst(2); b = 8 }
    else if (b == 2 || b == 0) && lower.hasPrefix("0b") { s.removeFirst(2); b = 2 }
    if b == 0 { b = 10 }
    guard !s.isEmpty, let v = parseBigInt(s, radix: b) else {
        throw valueError("invalid syntax for integer with base \(base == 0 ? 10 : base): \(reprString(orig))")
    }
    return .bigint(neg ? -v : v)
}

func parseFloatString(_ text: String) throws -> Double {
    let s = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased().replacingOccurrences(of: "_", with: "")
    switch s {
    case "inf", "+inf", "infinity", "+infinity": return .infinity
    case "-inf", "-infinity": return -.infinity
    case "nan", "+nan", "-nan": return .nan
    default: break
    }
    if let d = Double(s), !s.hasPrefix("0x"), !s.isEmpty { return d }
    throw valueError("invalid syntax for number")
}

private func installConstructors() {
    objectType.constructor = { args, _ in
        if !args.isEmpty { throw typeError("object() takes no arguments") }
        return .object(PyInstance(cls: objectType))
    }
    typeType.constructor = { args, _ in
        if args.count == 1 { return .object(typeOf(args[0])) }
        if args.count == 3 { return try buildClassFromType(typeType, args) }
        throw typeError("type() takes 1 or 3 arguments")
    }
    intType.constructor = { args, kw in
        try argCount(args, 0, 2, "int")
        guard let x = args.first else { return .int(0) }
        if args.count == 2 || kwarg(kw, "base") != nil {
            let base = try toInt(args.count == 2 ? args[1] : kwarg(kw, "base")!)
            if let b = bytesLike(x) { return try parseIntString(String(decoding: b, as: UTF8.self), base: base) }
            return try parseIntString(try toStr(x), base: base)
        }
        switch x {
        case .int: return x
        case .bool(let b): return .int(b ? 1 : 0)
        case .float(let d):
            if d.isNaN { throw valueError("can't convert NaN to int") }
            if d.isInfinite { throw pyErr(overflowErrorType, "can't convert inf to int") }
            if let i = Int(exactly: d.rounded(.towardZero)) { return .int(i) }
            return .bigint(BigInt(d.rounded(.towardZero)))
        case .str(let s): return try parseIntString(s.value, base: 10)
        case .object(let o):
            if o is PyBigInt { return x }
            if let b = bytesLike(o) { return try parseIntString(String(decoding: b, as: UTF8.self), base: 10) }
            if let inst = o as? PyInstance {
                if let f = inst.cls.lookupUser("__int__") ?? inst.cls.lookupUser("__index__") {
                    let r = try callValue(f, [x], [])
                    guard intOperand(r) != nil || bigValue(r) != nil else { throw typeError("can't convert \(typeName(r)) to int") }
                    return r
                }
                if let b = inst.base { return try instantiate(intType, [b], []) }
            }
        default: break
        }
        throw typeError("can't convert \(typeName(x)) to int")
    }
    boolType.constructor = { args, _ in
        try argCount(args, 0, 1, "bool")
        return .bool(try args.first.map(truthy) ?? false)
    }
    floatType.constructor = { args, _ in
        try argCount(args, 0, 1, "float")
        guard let x = args.first else { return .float(0) }
        switch x {
        case .str(let s): return .float(try parseFloatString(s.value))
        case .object(let o) where bytesLike(o) != nil: return .float(try parseFloatString(String(decoding: bytesLike(o)!, as: UTF8.self)))
        default: return .float(try toDouble(x))
        }
    }
    complexType.constructor = { args, _ in
        try argCount(args, 0, 2, "complex")
        if args.isEmpty { return .object(PyComplex(0, 0)) }
        if case .str(let s) = args[0] { return .object(try parseComplexString(s.value)) }
        let (ar, ai) = try complexParts(args[0])
        if args.count == 2 {
            let (br, bi) = try complexParts(args[1])
            return .object(PyComplex(ar - bi, ai + br))
        }
        return .object(PyComplex(ar, ai))
    }
    strType.constructor = { args, kw in
        try argCount(args, 0, 3, "str")
        guard let x = args.first else { return .string("") }
        if args.count >= 2 || kwarg(kw, "encoding") != nil, let b = bytesLike(x) {
            return .string(String(decoding: b, as: UTF8.self))
        }
        return .string(try str(x))
    }
    bytesType.constructor = { args, _ in
        try argCount(args, 0, 3, "bytes")
        guard let x = args.first else { return .bytes([]) }
        switch x {
        case .str(let s):
            if args.count < 2 { throw typeError("string argument without an encoding") }
            return .bytes(Array(s.value.utf8))
        case .int(let n):
            if n < 0 { throw valueError("negative count") }
            try checkAllocation(n)
            return .bytes([UInt8](repeating: 0, count: n))
        default: return .bytes(try bytesFromValue(x))
        }
    }
    bytearrayType.constructor = { args, _ in
        try argCount(args, 0, 3, "bytearray")
        guard let x = args.first else { return .object(PyByteArray([])) }
        switch x {
        case .str(let s): return .object(PyByteArray(Array(s.value.utf8)))
        case .int(let n):
            if n < 0 { throw valueError("negative count") }
            try checkAllocation(n)
            return .object(PyByteArray([UInt8](repeating: 0, count: n)))
        default: return .object(PyByteArray(try bytesFromValue(x)))
        }
    }
    memoryviewType.constructor = { args, _ in
        try argCount(args, 1, 1, "memoryview")
        guard case .object(let o) = args[0] else { throw typeError("object with buffer protocol required") }
        switch o {
        case let b as PyBytes: return .object(PyMemoryView(base: b, start: 0, count: b.bytes.count, readonly: true))
        case let b as PyByteArray: return .object(PyMemoryView(base: b, start: 0, count: b.bytes.count, readonly: false))
        case let m as PyMemoryView: return .object(m)
        case let a as PyArray: return .object(PyMemoryView(base: a, start: 0, count: a.count, readonly: false))
        default: throw typeError("object with buffer protocol required")
        }
    }
    listType.constructor = { args, _ in
        try argCount(args, 0, 1, "list")
        return .list(try args.first.map(iterateToArray) ?? [])
    }
    tupleType.constructor = { args, _ in
        try argCount(args, 0, 1, "tuple")
        if case .object(let t as PyTuple)? = args.first { return .object(t) }
        return .tuple(try args.first.map(iterateToArray) ?? [])
    }
    dictType.constructor = { args, kw in
        let d = PyDict()
        try dictUpdate(d, args, kw)
        return .object(d)
    }
    setType.constructor = { args, _ in
        try argCount(args, 0, 1, "set")
        let d = PyDict(); d.isSet = true
        if let x = args.first { try forEach(x) { try d.set($0, .none); return true } }
        return .object(d)
    }
    frozensetType.constructor = { args, _ in
        try argCount(args, 0, 1, "frozenset")
        let d = PyDict(); d.isSet = true; d.frozen = true
        if let x = args.first { try forEach(x) { try d.set($0, .none); return true } }
        return .object(d)
    }
    rangeType.constructor = { args, kw in
        if !kw.isEmpty { throw typeError("function doesn't take keyword arguments") }
        try argCount(args, 1, 3, "range")
        let ints = try args.map(toInt)
        // MicroPython's machine-word conversion refuses the most negative value too
        if ints.contains(Int.min) { throw pyErr(overflowErrorType, "overflow converting long int to machine word") }
        switch ints.count {
        case 1: return .object(PyRange(0, ints[0], 1))
        case 2: return .object(PyRange(ints[0], ints[1], 1))
        default:
            if ints[2] == 0 { throw valueError("zero step") }
            return .object(PyRange(ints[0], ints[1], ints[2]))
        }
    }
    sliceType.constructor = { args, _ in
        try argCount(args, 1, 3, "slice")
        if args.count == 1 { return .object(PySlice(.none, args[0], .none)) }
        return .object(PySlice(args[0], args[1], args.count > 2 ? args[2] : .none))
    }
    propertyType.constructor = { args, kw in
        .object(PyProperty(args.count > 0 ? args[0] : (kwarg(kw, "fget") ?? Value.none),
                           args.count > 1 ? args[1] : (kwarg(kw, "fset") ?? Value.none),
                           args.count > 2 ? args[2] : (kwarg(kw, "fdel") ?? Value.none)))
    }
    staticmethodType.constructor = { args, _ in try argCount(args, 1, 1, "staticmethod"); return .object(PyStaticMethod(args[0])) }
    classmethodType.constructor = { args, _ in try argCount(args, 1, 1, "classmethod"); return .object(PyClassMethod(args[0])) }
    superType.constructor = { args, _ in
        guard args.count == 2, case .object(let c as PyClass) = args[0] else { throw pyErr(runtimeErrorType, "super(): no arguments") }
        return .object(PySuper(c, args[1]))
    }
    for e in allExceptionTypes {
        e.constructor = nil
    }
}

func dictUpdate(_ d: PyDict, _ args: [Value], _ kw: KwArgs) throws {
    if args.count > 1 { throw typeError("dict expected at most 1 arguments, got \(args.count)") }
    if let x = args.first {
        if case .object(let o as PyDict) = x, !o.isSet {
            for (k, v) in o.entries { try d.set(k, v) }
        } else if case .object(let inst as PyInstance) = x, inst.cls.lookup("keys") != nil {
            for k in try iterateToArray(try callMethod(x, "keys", [])) { try d.set(k, try getItem(x, k)) }
        } else {
            try forEach(x) { item in
                let pair = try iterateToArray(item)
                if pair.count != 2 { throw valueError("dict update sequence has wrong length") }
                try d.set(pair[0], pair[1])
                return true
            }
        }
    }
    for (k, v) in kw { d.setStr(k, v) }
}

/// Parses digits in any radix 2...36 without trusting the BigInt library's preconditions.
func parseBigInt(_ text: String, radix: Int) -> BigInt? {
    guard radix >= 2 && radix <= 36, !text.isEmpty else { return nil }
    if let small = Int(text, radix: radix) { return BigInt(small) }
    var result = BigInt(0)
    var chunk = 0, chunkScale = 1
    for u in text.utf8 {
        let d: Int
        switch u {
        case 48...57: d = Int(u) - 48
        case 97...122: d = Int(u) - 87
        case 65...90: d = Int(u) - 55
        default: return nil
        }
        if d >= radix { return nil }
        chunk = chunk * radix + d
        chunkScale *= radix
        if chunkScale > Int.max / 64 {
            result = result * BigInt(chunkScale) + BigInt(chunk)
            chunk = 0; chunkScale = 1
        }
    }
    if chunkScale > 1 { result = result * BigInt(chunkScale) + BigInt(chunk) }
    return result
}

/// `complex("...")` the way MicroPython's number parser reads it: a real part, then (after
/// optional blanks) an imaginary part that ends in `j`; a sign must touch its digits, and a
/// number followed directly by `j` is imaginary.
func parseComplexString(_ text: String) throws -> PyComplex {
    let bad = valueError("invalid syntax for number")
    let chars = Array(text.lowercased())
    var i = 0
    func skipBlanks() { while i < chars.count && chars[i].isWhitespace { i += 1 } }
    /// A signed number; an empty one (`j`, `-j`) counts as 1 when `unit` allows it.
    func number(unit: Bool) throws -> Double {
        var t = ""
        if i < chars.count && (chars[i] == "+" || chars[i] == "-") { t.append(chars[i]); i += 1 }
        let rest = String(chars[i...])
        if let word = ["infinity", "inf", "nan"].first(where: { rest.hasPrefix($0) }) {
            t += word; i += word.count
        } else {
            var digits = false
            while i < chars.count {
                let c = chars[i]
                if c.isASCII && (c.isNumber || c == "." || c == "_") { digits = digits || c.isNumber; t.append(c); i += 1; continue }
                if c == "e" && digits, i + 1 < chars.count {
                    var j = i + 1
                    if chars[j] == "+" || chars[j] == "-" { j += 1 }
                    if j < chars.count && chars[j].isNumber { t += String(chars[i..<j]); i = j; continue }
                }
                break
            }
            if !digits {
                guard unit, i < chars.count, chars[i] == "j", t.count == (t.first == "+" || t.first == "-" ? 1 : 0) else { throw bad }
                return t == "-" ? -1 : 1
            }
        }
        return try parseFloatString(t)
    }
    skipBlanks()
    guard i < chars.count else { throw bad }
    let first = try number(unit: true)
    if i < chars.count && chars[i] == "j" {
        i += 1; skipBlanks()
        guard i == chars.count else { throw bad }
        return PyComplex(0, first)
    }
    skipBlanks()
    if i == chars.count { return PyComplex(first, 0) }
    let imaginary = try number(unit: true)
    guard i < chars.count, chars[i] == "j" else { throw bad }
    i += 1; skipBlanks()
    guard i == chars.count else { throw bad }
    return PyComplex(first, imaginary)
}
