import BigInt
import Foundation

/// repr/str of a float, with MicroPython's digit rules (pylib's engine).
func formatFloat(_ d: Double) -> String { MicroPythonFormatting.floatRepr(d) }

/// Shortest round-trip digits, exponent form outside [1e-4, 1e16) (CPython's rule; kept for
/// reference tests).
func formatFloatShortest(_ d: Double) -> String {
    if d.isNaN { return "nan" }
    if d.isInfinite { return d < 0 ? "-inf" : "inf" }
    if d == 0 { return d.sign == .minus ? "-0.0" : "0.0" }
    // Swift's description gives shortest round-trip digits; re-layout them Python's way.
    let desc = "\(abs(d))"
    var mantissa = desc
    var exp = 0
    if let e = desc.firstIndex(where: { $0 == "e" || $0 == "E" }) {
        mantissa = String(desc[..<e])
        exp = Int(desc[desc.index(after: e)...]) ?? 0
    }
    var intPart = mantissa
    var fracPart = ""
    if let dot = mantissa.firstIndex(of: ".") {
        intPart = String(mantissa[..<dot])
        fracPart = String(mantissa[mantissa.index(after: dot)...])
    }
    var digits = intPart + fracPart
    var pointPos = intPart.count + exp   // decimal point position relative to digits start
    // strip leading zeros
    while digits.count > 1 && digits.hasPrefix("0") { digits.removeFirst(); pointPos -= 1 }
    while digits.count > 1 && digits.hasSuffix("0") { digits.removeLast() }
    let sci = pointPos - 1
    let sign = d < 0 ? "-" : ""
    if sci >= 16 || sci < -4 {
        var m = String(digits.first!)
        if digits.count > 1 { m += "." + digits.dropFirst() }
        let es = sci < 0 ? "-" + pad2(-sci) : "+" + pad2(sci)
        return sign + m + "e" + es
    }
    if pointPos <= 0 {
        return sign + "0." + String(repeating: "0", count: -pointPos) + digits
    }
    if pointPos >= digits.count {
        return sign + digits + String(repeating: "0", count: pointPos - digits.count) + ".0"
    }
    let idx = digits.index(digits.startIndex, offsetBy: pointPos)
    return sign + digits[..<idx] + "." + digits[idx...]
}

private func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

func reprString(_ s: String) -> String {
    let useDouble = s.contains("'") && !s.contains("\"")
    let q: Character = useDouble ? "\"" : "'"
    var out = String(q)
    for u in s.unicodeScalars {
        switch u {
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if Character(u) == q { out += "\\" + String(q) }
            else if u.value < 0x20 || (u.value >= 0x7f && u.value < 0x100) { out += String(format: "\\x%02x", u.value) }
            // MicroPython's repr escapes every non-ASCII character.
            else if u.value >= 0x100 && u.value < 0x10000 { out += String(format: "\\u%04x", u.value) }
            else if u.value >= 0x10000 { out += String(format: "\\U%08x", u.value) }
            else { out.unicodeScalars.append(u) }
        }
    }
    out.append(q)
    return out
}

func reprBytes(_ b: [UInt8], prefix: String = "b") -> String {
    let useDouble = b.contains(39) && !b.contains(34)
    let q: UInt8 = useDouble ? 34 : 39
    var out = prefix + String(UnicodeScalar(q))
    for c in b {
        switch c {
        case 92: out += "\\\\"
        case 10: out += "\\n"
        case 13: out += "\\r"
        case 9: out += "\\t"
        default:
            if c == q { out += "\\" + String(UnicodeScalar(q)) }
            else if c < 0x20 || c >= 0x7f { out += String(format: "\\x%02x", c) }
            else { out.append(Character(UnicodeScalar(c))) }
        }
    }
    out.append(Character(UnicodeScalar(q)))
    return out
}

func objectAddress(_ o: AnyObject) -> String {
    String(UInt(bitPattern: ObjectIdentifier(o).hashValue), radix: 16)
}

/// Guards against infinite recursion when printing self-referencing containers.
/// Containers being printed on this thread (interpreters may run on several threads at once).
private final class ReprGuard {
    var active: [ObjectIdentifier] = []
    static var current: ReprGuard {
        let d = Thread.current.threadDictionary
        if let g = d["uremote.reprGuard"] as? ReprGuard { return g }
        let g = ReprGuard()
        d["uremote.reprGuard"] = g
        return g
    }
}

func repr(_ v: Value) throws -> String {
    switch v {
    case .none: return "None"
    case .bool(let b): return b ? "True" : "False"
    case .int(let i): return String(i)
    case .float(let d): return formatFloat(d)
    case .str(let s): return reprString(s.value)
    case .object(let o): return try reprObject(o, v)
    }
}

private func reprObject(_ o: PyObject, _ v: Value) throws -> String {
    switch o {
    case let b as PyBigInt: return b.value.description
    case let c as PyComplex: return formatComplex(c)
    case let l as PyList:
        let id = ObjectIdentifier(l)
        let guardian = ReprGuard.current
        if guardian.active.count > 5000 { throw pyErr(runtimeErrorType, "maximum recursion depth exceeded") }
        if guardian.active.contains(id) { return "[...]" }
        guardian.active.append(id); defer { guardian.active.removeLast() }
        return "[" + (try l.items.map(repr).joined(separator: ", ")) + "]"
    case let t as PyTuple:
        if t.items.count == 1 { return "(" + (try repr(t.items[0])) + ",)" }
        return "(" + (try t.items.map(repr).joined(separator: ", ")) + ")"
    case let d as PyDict:
        let id = ObjectIdentifier(d)
        let guardian = ReprGuard.current
        if guardian.active.count > 5000 { throw pyErr(runtimeErrorType, "maximum recursion depth exceeded") }
        if guardian.active.contains(id) { return "{...}" }
        guardian.active.append(id); defer { guardian.active.removeLast() }
        if d.isSet {
            let name = d.frozen ? "frozenset" : "set"
            if d.count == 0 { return name + "()" }
            let inner = "{" + (try d.keyList.map(repr).joined(separator: ", ")) + "}"
            return d.frozen ? "frozenset(" + inner + ")" : inner
        }
        let body = try d.entries.map { (try repr($0.key)) + ": " + (try repr($0.value)) }.joined(separator: ", ")
        // Only OrderedDict names itself; other dict subclasses print as a plain dict.
        if d.isOrderedDict { return "OrderedDict({" + body + "})" }
        return "{" + body + "}"
    case let b as PyBytes: return reprBytes(b.bytes)
    case let b as PyByteArray: return "bytearray(" + reprBytes(b.bytes) + ")"
    case let m as PyMemoryView: return "<memoryview 0x\(objectAddress(m))>"
    case let r as PyRange: return r.step == 1 ? "range(\(r.start), \(r.stop))" : "range(\(r.start), \(r.stop), \(r.step))"
    case let s as PySlice: return "slice(\(try repr(s.start)), \(try repr(s.stop)), \(try repr(s.step)))"
    case let s as PySingleton: return s.name
    case let c as PyClass: return "<class '\(c.name)'>"
    case let sp as PySuper: return "<super: <class '\(sp.cls.name)'>, \(try repr(sp.obj))>"
    case let m as PyModule: return "<module '\(m.name)'>"
    case let f as PyFunction: return "<function \(f.name) at 0x\(objectAddress(f))>"
    case is PyBuiltinFunction: return "<function>"
    case let m as PyBoundMethod: return "<bound_method \(objectAddress(m)) \(try repr(m.selfValue)).\(try repr(m.function))>"
    case let g as PyGenerator: return "<generator object '\(g.name)' at \(objectAddress(g))>"
    case let e as PyExceptionObject:
        if let f = e.cls.lookupUser("__repr__"), !(f.asObject is PyBuiltinFunction) { return try toStr(try callValue(f, [v], [])) }
        let inner = try e.args.map(repr)
        if inner.count == 1 { return "\(e.cls.name)(\(inner[0]),)" }
        return "\(e.cls.name)(\(inner.joined(separator: ", ")))"
    case let inst as PyInstance:
        if let f = inst.cls.lookupUser("__repr__") { return try toStr(try callValue(f, [v], [])) }
        if let b = inst.base { return try repr(b) }
        return "<\(inst.cls.name) object at \(objectAddress(inst))>"
    case let a as PyArray: return a.reprText()
    case let dv as PyDictView:
        let name = dv.kind == .keys ? "dict_keys" : (dv.kind == .values ? "dict_values" : "dict_items")
        return name + "([" + (try dv.items.map(repr).joined(separator: ", ")) + "])"
    case is PyNativeIterator: return "<\(o.pyClass.name)>"
    default: return "<\(o.pyClass.name)>"
    }
}

func formatComplex(_ c: PyComplex) -> String {
    func part(_ d: Double) -> String {
        let s = formatFloat(d)
        return s.hasSuffix(".0") ? String(s.dropLast(2)) : s
    }
    if c.re == 0 && c.re.sign == .plus { return part(c.im) + "j" }
    let im = c.im.isNaN ? "nan" : part(c.im)
    let sign = im.hasPrefix("-") ? "" : "+"
    return "(" + part(c.re) + sign + im + "j)"
}

func str(_ v: Value) throws -> String {
    switch v {
    case .str(let s): return s.value
    case .object(let e as PyExceptionObject):
        if let f = e.cls.lookupUser("__str__"), !(f.asObject is PyBuiltinFunction) { return try toStr(try callValue(f, [v], [])) }
        if e.cls.isSubclass(of: osErrorType), e.args.count <= 2, case .int(let n)? = e.args.first,
           let name = errnoNames.first(where: { $0.1 == n })?.0 {
            if e.args.count == 2 { return "[Errno \(n)] \(name): \(try str(e.args[1]))" }
            return "[Errno \(n)] \(name)"
        }
        if e.args.isEmpty { return "" }
        if e.args.count == 1 { return try str(e.args[0]) }
        return try repr(.tuple(e.args))
    case .object(let inst as PyInstance):
        if let f = inst.cls.lookupUser("__str__") { return try toStr(try callValue(f, [v], [])) }
        if let b = inst.base, inst.cls.lookupUser("__repr__") == nil { return try str(b) }
        return try repr(v)
    default: return try repr(v)
    }
}
