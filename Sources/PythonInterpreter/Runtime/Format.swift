import BigInt
import Foundation

/// A parsed format spec: [[fill]align][sign][#][0][width][,|_][.precision][type]
struct FormatSpec {
    var fill: Character = " "
    var align: Character? = nil
    var sign: Character = "-"
    var alternate = false
    var zeroPad = false
    var width = 0
    var grouping: Character? = nil
    var precision: Int? = nil
    var type: Character? = nil

    init(_ spec: String) throws {
        var chars = Array(spec)
        var i = 0
        if chars.count >= 2 && "<>=^".contains(chars[1]) { fill = chars[0]; align = chars[1]; i = 2 }
        else if !chars.isEmpty && "<>=^".contains(chars[0]) { align = chars[0]; i = 1 }
        if i < chars.count && "+- ".contains(chars[i]) { sign = chars[i]; i += 1 }
        if i < chars.count && chars[i] == "#" { alternate = true; i += 1 }
        if i < chars.count && chars[i] == "0" { zeroPad = true; i += 1 }
        var w = ""
        while i < chars.count && chars[i].isNumber { w.append(chars[i]); i += 1 }
        width = Int(w) ?? 0
        if i < chars.count && (chars[i] == "," || chars[i] == "_") { grouping = chars[i]; i += 1 }
        if i < chars.count && chars[i] == "." {
            i += 1
            var p = ""
            while i < chars.count && chars[i].isNumber { p.append(chars[i]); i += 1 }
            precision = Int(p) ?? 0
        }
        if i < chars.count { type = chars[i]; i += 1 }
        if i < chars.count { throw valueError("invalid format specifier") }
        chars = []
    }

    func pad(_ body: String, numeric: Bool, signPart: String = "") -> String {
        let total = body.count + signPart.count
        if width <= total { return signPart + body }
        let n = width - total
        let a = align ?? (zeroPad && numeric ? "=" : (numeric ? ">" : "<"))
        let f: Character = (zeroPad && align == nil) ? "0" : fill
        switch a {
        case "<": return signPart + body + String(repeating: f, count: n)
        case "^": return String(repeating: f, count: n / 2) + signPart + body + String(repeating: f, count: n - n / 2)
        case "=": return signPart + String(repeating: f, count: n) + body
        default: return String(repeating: f, count: n) + signPart + body
        }
    }
}

func groupDigits(_ digits: String, _ sep: Character, every: Int = 3) -> String {
    var out = ""
    for (i, c) in digits.reversed().enumerated() {
        if i > 0 && i % every == 0 { out.append(sep) }
        out.append(c)
    }
    return String(out.reversed())
}

/// format(value, spec) / f-string field formatting, MicroPython-exact via pylib's engines.
func formatValue(_ v: Value, _ specText: String) throws -> String {
    if specText.isEmpty {
        if case .object(let inst as PyInstance) = v, inst.cls.lookupUser("__format__") != nil {} else { return try str(v) }
    }
    return try MicroPythonFormatting.formatValue(v, specText)
}

func formatValueBasic(_ v: Value, _ specText: String) throws -> String {
    if case .object(let inst as PyInstance) = v, let f = inst.cls.lookupUser("__format__") {
        return try toStr(try callValue(f, [v, .string(specText)], []))
    }
    if specText.isEmpty { return try str(v) }
    let spec = try FormatSpec(specText)
    switch v {
    case .int, .bool, .object(is PyBigInt):
        if spec.type == nil, case .bool(let b) = v { return spec.pad(b ? "True" : "False", numeric: false) }
        if let t = spec.type, "eEfFgG%".contains(t) { return try formatFloatSpec(try toDouble(v), spec) }
        return try formatIntSpec(bigValue(v)!, spec)
    case .float(let d):
        return try formatFloatSpec(d, spec)
    case .str(let s):
        if let t = spec.type, t != "s" { throw valueError("unknown format code '\(t)' for object of type 'str'") }
        var body = s.value
        if let p = spec.precision { body = String(body.prefix(p)) }
        return spec.pad(body, numeric: false)
    default:
        return spec.pad(try str(v), numeric: false)
    }
}

func formatIntSpec(_ n: BigInt, _ spec: FormatSpec) throws -> String {
    let neg = n < 0
    let mag = neg ? -n : n
    var body: String
    var prefix = ""
    switch spec.type {
    case "x": body = String(mag, radix: 16); if spec.alternate { prefix = "0x" }
    case "X": body = String(mag, radix: 16).uppercased(); if spec.alternate { prefix = "0X" }
    case "o": body = String(mag, radix: 8); if spec.alternate { prefix = "0o" }
    case "b": body = String(mag, radix: 2); if spec.alternate { prefix = "0b" }
    case "c":
        guard let i = Int(exactly: n), let u = Unicode.Scalar(UInt32(max(0, i))) else { throw valueError("%c arg not in range") }
        return spec.pad(String(Character(u)), numeric: false)
    case nil, "d", "n": body = mag.description
    default: throw valueError("unknown format code '\(spec.type!)' for object of type 'int'")
    }
    if let g = spec.grouping { body = groupDigits(body, g, every: (spec.type == nil || spec.type == "d") ? 3 : 4) }
    let sign = neg ? "-" : (spec.sign == "+" ? "+" : (spec.sign == " " ? " " : ""))
    return spec.pad(body, numeric: true, signPart: sign + prefix)
}

func formatFloatSpec(_ d: Double, _ spec: FormatSpec) throws -> String {
    let neg = d < 0 || (d == 0 && d.sign == .minus)
    let mag = abs(d)
    var body: String
    let t = spec.type
    if mag.isNaN || mag.isInfinite {
        body = mag.isNaN ? "nan" : "inf"
        if let t, t.isUppercase { body = body.uppercased() }
    } else {
        switch t {
        case "f", "F": body = String(format: "%.\(spec.precision ?? 6)f", mag)
        case "e", "E": body = String(format: "%.\(spec.precision ?? 6)\(t!)", mag)
        case "g", "G":
            body = String(format: "%.\(spec.precision ?? 6)\(t!)", mag)
            if spec.alternate && !body.contains(".") { body += "." }
        case "%": body = String(format: "%.\(spec.precision ?? 6)f", mag * 100) + "%"
        case nil:
            if let p = spec.precision {
                body = String(format: "%.\(max(p, 1))g", mag)
                if !body.contains(".") && !body.contains("e") && !body.contains("inf") { body += ".0" }
            } else { body = formatFloat(mag) }
        default: throw valueError("unknown format code '\(t!)' for object of type 'float'")
        }
    }
    if let g = spec.grouping {
        let parts = body.split(separator: ".", maxSplits: 1)
        let intPart = groupDigits(String(parts[0]), g)
        body = parts.count > 1 ? intPart + "." + parts[1] : intPart
    }
    let sign = neg ? "-" : (spec.sign == "+" ? "+" : (spec.sign == " " ? " " : ""))
    return spec.pad(body, numeric: true, signPart: sign)
}

/// str.format(*args, **kwargs), MicroPython-exact via pylib's engines.
func strFormat(_ fmt: String, _ args: [Value], _ kw: KwArgs) throws -> String {
    try MicroPythonFormatting.strFormat(fmt, args, kw)
}

func strFormatBasic(_ fmt: String, _ args: [Value], _ kw: KwArgs) throws -> String {
    var out = ""
    let chars = Array(fmt)
    var i = 0
    var autoIndex = 0
    while i < chars.count {
        let c = chars[i]
        if c == "{" {
            if i + 1 < chars.count && chars[i + 1] == "{" { out.append("{"); i += 2; continue }
            var depth = 1
            var j = i + 1
            while j < chars.count && depth > 0 {
                if chars[j] == "{" { depth += 1 } else if chars[j] == "}" { depth -= 1 }
                if depth > 0 { j += 1 }
            }
            if j >= chars.count { throw valueError("unmatched '{' in format") }
            let field = String(chars[(i + 1)..<j])
            i = j + 1
            var name = field
            var conv: Character? = nil
            var spec = ""
            if let colon = field.firstIndex(of: ":") {
                name = String(field[..<colon])
                spec = String(field[field.index(after: colon)...])
            }
            if let bang = name.firstIndex(of: "!") {
                let cs = name[name.index(after: bang)...]
                conv = cs.first
                name = String(name[..<bang])
            }
            if spec.contains("{") { spec = try strFormat(spec, args, kw) }
            // resolve name: first part index/keyword, then .attr / [key]
            var head = name
            var rest = ""
            if let k = name.firstIndex(where: { $0 == "." || $0 == "[" }) {
                head = String(name[..<k]); rest = String(name[k...])
            }
            var value: Value
            if head.isEmpty {
                guard autoIndex < args.count else { throw indexError("tuple index out of range") }
                value = args[autoIndex]; autoIndex += 1
            } else if let n = Int(head) {
                guard n < args.count else { throw indexError("tuple index out of range") }
                value = args[n]
            } else {
                guard let kv = kw.first(where: { $0.0 == head }) else { throw keyError(.string(head)) }
                value = kv.1
            }
            var r = Array(rest)
            var p = 0
            while p < r.count {
                if r[p] == "." {
                    var q = p + 1
                    while q < r.count && r[q] != "." && r[q] != "[" { q += 1 }
                    value = try getAttr(value, String(r[(p + 1)..<q]))
                    p = q
                } else if r[p] == "[" {
                    var q = p + 1
                    while q < r.count && r[q] != "]" { q += 1 }
                    let key = String(r[(p + 1)..<min(q, r.count)])
                    value = try getItem(value, Int(key).map { .int($0) } ?? .string(key))
                    p = q + 1
                } else { p += 1 }
            }
            r = []
            if conv == "r" { value = .string(try repr(value)) } else if conv == "s" { value = .string(try str(value)) }
            out += try formatValue(value, spec)
            continue
        }
        if c == "}" {
            if i + 1 < chars.count && chars[i + 1] == "}" { out.append("}"); i += 2; continue }
            throw valueError("single '}' encountered in format string")
        }
        out.append(c)
        i += 1
    }
    return out
}

/// The % operator on str: plain %s/%d templates take a fast path, everything else goes to
/// pylib's MicroPython-exact engine.
func percentFormat(_ fmt: String, _ arg: Value) throws -> Value {
    var simple = true
    var expected = 0
    var it = fmt.utf8.makeIterator()
    while let c = it.next() {
        if c == 37 {
            guard let n = it.next(), n == 115 || n == 100 else { simple = false; break }
            expected += 1
        }
    }
    if simple {
        let count: Int
        if case .object(let t as PyTuple) = arg { count = t.items.count } else { count = 1 }
        if case .object(let d as PyDict) = arg, !d.isSet { simple = false }
        if count != expected { simple = false }
    }
    if simple { return try percentFormatBasic(fmt, arg) }
    return try MicroPythonFormatting.percentFormat(fmt, arg)
}

func percentFormatBasic(_ fmt: String, _ arg: Value) throws -> Value {
    var args: [Value]
    var mapping: Value? = nil
    if case .object(let t as PyTuple) = arg { args = t.items } else {
        args = [arg]
        if case .object(let d as PyDict) = arg, !d.isSet { mapping = arg }
    }
    var out = ""
    let chars = Array(fmt)
    var i = 0
    var ai = 0
    func next() throws -> Value {
        guard ai < args.count else { throw typeError("format string needs more arguments") }
        defer { ai += 1 }
        return args[ai]
    }
    var usedMapping = false
    while i < chars.count {
        let c = chars[i]
        if c != "%" { out.append(c); i += 1; continue }
        i += 1
        guard i < chars.count else { throw valueError("incomplete format") }
        if chars[i] == "s" || chars[i] == "d" {
            // common case without flags/width
            let v = try next()
            if chars[i] == "s" { out += try str(v) } else {
                switch v {
                case .int(let n): out += String(n)
                case .bool(let b): out += b ? "1" : "0"
                case .float(let d): out += try Pylib.run { () throws(EngineError) in try PercentFormatter.truncate(d) }.description
                default:
                    guard let b = bigValue(v) else { throw typeError("can't convert \(typeName(v)) to int") }
                    out += b.description
                }
            }
            i += 1
            continue
        }
        var key: String? = nil
        if chars[i] == "(" {
            var j = i + 1
            while j < chars.count && chars[j] != ")" { j += 1 }
            key = String(chars[(i + 1)..<min(j, chars.count)])
            i = j + 1
        }
        var flags = ""
        while i < chars.count && "-+ #0".contains(chars[i]) { flags.append(chars[i]); i += 1 }
        var width = ""
        if i < chars.count && chars[i] == "*" { width = String(try toInt(try next())); i += 1 }
        while i < chars.count && chars[i].isNumber { width.append(chars[i]); i += 1 }
        var precision: String? = nil
        if i < chars.count && chars[i] == "." {
            i += 1
            var p = ""
            if i < chars.count && chars[i] == "*" { p = String(try toInt(try next())); i += 1 }
            while i < chars.count && chars[i].isNumber { p.append(chars[i]); i += 1 }
            precision = p
        }
        guard i < chars.count else { throw valueError("incomplete format") }
        let t = chars[i]
        i += 1
        if t == "%" { out.append("%"); continue }
        var v: Value
        if let key, let m = mapping { v = try getItem(m, .string(key)); usedMapping = true } else { v = try next() }
        var spec = ""
        if flags.contains("-") { spec += "<" } else if flags.contains("0") && t != "s" && t != "r" { spec += "0" }
        if flags.contains("+") { spec = (spec == "<" ? "<" : spec) ; spec = spec.replacingOccurrences(of: "0", with: ""); spec += "+"; if flags.contains("0") && !flags.contains("-") { spec += "0" } }
        else if flags.contains(" ") { spec += " " }
        if flags.contains("#") { spec += "#" }
        var body: String
        switch t {
        case "s": body = try str(v); if let p = precision, let pi = Int(p) { body = String(body.prefix(pi)) }
        case "r": body = try repr(v)
        case "d", "i", "u":
            if case .str = v { throw typeError("%d format: a number is required, not str") }
            if case .float(let d) = v { v = .bigint(try Pylib.run { () throws(EngineError) in try PercentFormatter.truncate(d) }) }
            guard let b = bigValue(v) else { throw typeError("can't convert \(typeName(v)) to int") }
            body = try formatIntSpec(b, try FormatSpec(spec + width))
            out += body
            continue
        case "x", "X", "o":
            guard let b = bigValue(v) else { throw typeError("can't convert \(typeName(v)) to int") }
            body = try formatIntSpec(b, try FormatSpec(spec + width + String(t)))
            out += body
            continue
        case "c":
            if case .str(let s) = v { body = s.value } else {
                let n = try toInt(v)
                body = String(Character(Unicode.Scalar(UInt32(n)) ?? " "))
            }
        case "f", "F", "e", "E", "g", "G":
            let d = try toDouble(v)
            body = try formatFloatSpec(d, try FormatSpec(spec + width + "." + (precision.map { $0.isEmpty ? "0" : $0 } ?? "6") + String(t)))
            out += body
            continue
        default:
            throw valueError("unsupported format character '\(t)' (0x\(String(t.asciiValue ?? 0, radix: 16))) at index \(i - 1)")
        }
        if let w = Int(width), body.count < w {
            body = flags.contains("-") ? body + String(repeating: " ", count: w - body.count) : String(repeating: " ", count: w - body.count) + body
        }
        out += body
    }
    if ai < args.count && !usedMapping && mapping == nil { throw typeError("format string didn't convert all arguments") }
    return .str(PyStr(out))
}
