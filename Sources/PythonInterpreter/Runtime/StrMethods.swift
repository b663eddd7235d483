import Foundation

private func selfString(_ args: [Value]) throws -> String {
    guard let f = args.first else { throw typeError("descriptor needs an argument") }
    if case .str(let s) = f { return s.value }
    if case .object(let inst as PyInstance) = f, case .str(let s)? = inst.base { return s.value }
    throw typeError("descriptor requires a 'str' object")
}

private func argString(_ args: [Value], _ i: Int) throws -> String {
    guard i < args.count else { throw typeError("function missing required argument") }
    if case .str(let s) = args[i] { return s.value }
    throw typeError("can't convert '\(typeName(args[i]))' object to str implicitly")
}

func isPySpace(_ c: Character) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0B}" || c == "\u{0C}" }

func splitWhitespace(_ s: String, _ maxSplit: Int) -> [String] {
    var out: [String] = []
    var cur = ""
    var inWord = false
    var idx = s.startIndex
    while idx < s.endIndex {
        let c = s[idx]
        if isPySpace(c) {
            if inWord { out.append(cur); cur = ""; inWord = false }
        } else {
            if !inWord && maxSplit >= 0 && out.count == maxSplit {
                // The unsplit remainder keeps its trailing whitespace, as in MicroPython.
                out.append(String(s[idx...]))
                return out
            }
            inWord = true
            cur.append(c)
        }
        idx = s.index(after: idx)
    }
    if inWord { out.append(cur) }
    return out
}

/// Character-offset helpers: Python indexes by code point.
private func scalarsOf(_ s: String) -> [Unicode.Scalar] { Array(s.unicodeScalars) }
private func stringOf(_ sc: ArraySlice<Unicode.Scalar>) -> String { String(String.UnicodeScalarView(sc)) }

private func findIn(_ hay: [Unicode.Scalar], _ needle: [Unicode.Scalar], _ start: Int, _ end: Int, reverse: Bool) -> Int {
    let s = max(0, start), e = min(hay.count, end)
    if needle.count > e - s { return -1 }
    if needle.isEmpty { return reverse ? e : s }
    if !reverse {
        var i = s
        while i + needle.count <= e {
            if hay[i] == needle[0] && hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
    } else {
        var i = e - needle.count
        while i >= s {
            if hay[i] == needle[0] && hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i -= 1
        }
    }
    return -1
}

private func startEnd(_ args: [Value], _ from: Int, _ count: Int) throws -> (Int, Int) {
    var start = 0, end = count
    if args.count > from, !args[from].isNone { start = try toInt(args[from]); if start < 0 { start = max(0, start + count) } }
    if args.count > from + 1, !args[from + 1].isNone { end = try toInt(args[from + 1]); if end < 0 { end = max(0, end + count) } }
    return (start, min(end, count))
}

func installStrMethods() {
    addMethods(strType, [
        ("upper", { a, _ in .string(try selfString(a).uppercased()) }),
        ("lower", { a, _ in .string(try selfString(a).lowercased()) }),
        ("strip", { a, _ in keepIfSame(a.first ?? .none, try stripString(try selfString(a), a.count > 1 ? a[1] : .none, left: true, right: true)) }),
        ("lstrip", { a, _ in keepIfSame(a.first ?? .none, try stripString(try selfString(a), a.count > 1 ? a[1] : .none, left: true, right: false)) }),
        ("rstrip", { a, _ in keepIfSame(a.first ?? .none, try stripString(try selfString(a), a.count > 1 ? a[1] : .none, left: false, right: true)) }),
        ("split", { a, kw in
            let s = try selfString(a)
            let sepV = a.count > 1 ? a[1] : (kwarg(kw, "sep") ?? Value.none)
            let maxSplit = a.count > 2 ? try toInt(a[2]) : try toInt(kwarg(kw, "maxsplit") ?? .int(-1))
            if sepV.isNone { return .list(splitWhitespace(s, maxSplit).map { .string($0) }) }
            let sep = Array(try toStr(sepV).utf8)
            if sep.isEmpty { throw valueError("empty separator") }
            let bytes = Array(s.utf8)
            var parts: [Value] = []
            var start = 0
            var i = 0
            while i + sep.count <= bytes.count && (maxSplit < 0 || parts.count < maxSplit) {
                if bytes[i] == sep[0] && (sep.count == 1 || bytes[i..<(i + sep.count)].elementsEqual(sep)) {
                    parts.append(.string(String(decoding: bytes[start..<i], as: UTF8.self)))
                    i += sep.count
                    start = i
                } else { i += 1 }
            }
            parts.append(.string(String(decoding: bytes[start...], as: UTF8.self)))
            return .list(parts)
        }),
        ("rsplit", { a, kw in
            let s = try selfString(a)
            let sepV = a.count > 1 ? a[1] : (kwarg(kw, "sep") ?? Value.none)
            let maxSplit = a.count > 2 ? try toInt(a[2]) : try toInt(kwarg(kw, "maxsplit") ?? .int(-1))
            if sepV.isNone {
                // MicroPython splits on whitespace from the right only without a limit.
                if maxSplit >= 0 { throw pyErr(notImplementedErrorType, "rsplit(None,n)") }
                return .list(splitWhitespace(s, -1).map { .string($0) })
            }
            let sep = try toStr(sepV)
            if sep.isEmpty { throw valueError("empty separator") }
            var parts: [String] = []
            var rest = Substring(s)
            while maxSplit < 0 || parts.count < maxSplit, let r = rest.range(of: sep, options: .backwards) {
                parts.insert(String(rest[r.upperBound...]), at: 0)
                rest = rest[..<r.lowerBound]
            }
            parts.insert(String(rest), at: 0)
            return .list(parts.map { .string($0) })
        }),
        ("splitlines", { a, kw in
            let s = try selfString(a)
            let keep = a.count > 1 ? try truthy(a[1]) : try truthy(kwarg(kw, "keepends") ?? .bool(false))
            var out: [Value] = []
            var cur = ""
            let sc = Array(s.unicodeScalars)
            var i = 0
            while i < sc.count {
                let c = sc[i]
                if c == "\n" || c == "\r" {
                    if keep { cur.unicodeScalars.append(c) }
                    if c == "\r" && i + 1 < sc.count && sc[i + 1] == "\n" { i += 1; if keep { cur.unicodeScalars.append("\n") } }
                    out.append(.string(cur)); cur = ""
                } else { cur.unicodeScalars.append(c) }
                i += 1
            }
            if !cur.isEmpty { out.append(.string(cur)) }
            return .list(out)
        }),
        ("join", { a, _ in
            let sep = try selfString(a)
            guard a.count == 2 else { throw typeError("join() takes exactly one argument") }
            var parts: [String] = []
            try forEach(a[1]) { x in
                guard case .str(let s) = x else { throw typeError("join expects a list of str/bytes objects consistent with self object") }
                parts.append(s.value); return true
            }
            return .string(parts.joined(separator: sep))
        }),
        ("find", { a, _ in
            if a.count == 2, case .str(let hs) = a[0], case .str(let ns) = a[1], hs.isASCII {
                return .int(findBytes(Array(hs.value.utf8), Array(ns.value.utf8), from: 0) ?? -1)
            }
            let h = scalarsOf(try selfString(a)), n = scalarsOf(try argString(a, 1))
            let (s, e) = try startEnd(a, 2, h.count)
            return .int(findIn(h, n, s, e, reverse: false))
        }),
        ("rfind", { a, _ in
            let h = scalarsOf(try selfString(a)), n = scalarsOf(try argString(a, 1))
            let (s, e) = try startEnd(a, 2, h.count)
            return .int(findIn(h, n, s, e, reverse: true))
        }),
        ("index", { a, _ in
            let h = scalarsOf(try selfString(a)), n = scalarsOf(try argString(a, 1))
            let (s, e) = try startEnd(a, 2, h.count)
            let r = findIn(h, n, s, e, reverse: false)
            if r < 0 { throw valueError("substring not found") }
            return .int(r)
        }),
        ("rindex", { a, _ in
            let h = scalarsOf(try selfString(a)), n = scalarsOf(try argString(a, 1))
            let (s, e) = try startEnd(a, 2, h.count)
            let r = findIn(h, n, s, e, reverse: true)
            if r < 0 { throw valueError("substring not found") }
            return .int(r)
        }),
        ("count", { a, _ in
            let h = scalarsOf(try selfString(a)), n = scalarsOf(try argString(a, 1))
            var (s, e) = try startEnd(a, 2, h.count)
            if n.isEmpty { return .int(max(0, e - s) + 1) }
            var c = 0
            while true {
                let r = findIn(h, n, s, e, reverse: false)
                if r < 0 { break }
                c += 1; s = r + n.count
            }
            e = 0
            return .int(c)
        }),
        ("replace", { a, _ in
            let s = try selfString(a), old = try argString(a, 1), new = try argString(a, 2)
            let count = a.count > 3 ? try toInt(a[3]) : -1
            if count < 0 {
                if old.isEmpty {
                    var out = new
                    for c in s { out.append(c); out += new }
                    return .string(out)
                }
                return .string(s.replacingOccurrences(of: old, with: new))
            }
            var out = ""
            var rest = Substring(s)
            var n = 0
            while n < count, !old.isEmpty, let r = rest.range(of: old) {
                out += rest[..<r.lowerBound] + new
                rest = rest[r.upperBound...]
                n += 1
            }
            return .string(out + rest)
        }),
        ("startswith", { a, _ in
            if a.count == 2, case .str(let hs) = a[0], case .str(let ps) = a[1] { return .bool(hs.value.utf8.starts(with: ps.value.utf8)) }
            let s = try selfString(a)
            let sc = scalarsOf(s)
            let (st, e) = try startEnd(a, 2, sc.count)
            let sub = stringOf(sc[min(st, sc.count)..<max(min(st, sc.count), e)])
            if case .object(let t as PyTuple)? = a.dropFirst().first {
                return .bool(try t.items.contains { sub.hasPrefix(try toStr($0)) })
            }
            return .bool(sub.hasPrefix(try argString(a, 1)))
        }),
        ("endswith", { a, _ in
            if a.count == 2, case .str(let hs) = a[0], case .str(let ps) = a[1] {
                let h = hs.value.utf8, p = ps.value.utf8
                return .bool(h.count >= p.count && h.dropFirst(h.count - p.count).elementsEqual(p))
            }
            let s = try selfString(a)
            let sc = scalarsOf(s)
            let (st, e) = try startEnd(a, 2, sc.count)
            let sub = stringOf(sc[min(st, sc.count)..<max(min(st, sc.count), e)])
            if case .object(let t as PyTuple)? = a.dropFirst().first {
                return .bool(try t.items.contains { sub.hasSuffix(try toStr($0)) })
            }
            return .bool(sub.hasSuffix(try argString(a, 1)))
        }),
        ("format", { a, kw in .string(try strFormat(try selfString(a), Array(a.dropFirst()), kw)) }),
        ("isdigit", { a, _ in let s = try selfString(a); return .bool(!s.isEmpty && s.unicodeScalars.allSatisfy { $0.value >= 48 && $0.value <= 57 }) }),
        ("isalpha", { a, _ in let s = try selfString(a); return .bool(!s.isEmpty && s.allSatisfy { $0.isLetter }) }),
        ("isspace", { a, _ in let s = try selfString(a); return .bool(!s.isEmpty && s.allSatisfy(isPySpace)) }),
        ("isupper", { a, _ in let s = try selfString(a); return .bool(s.contains { $0.isLetter } && !s.contains { $0.isLowercase }) }),
        ("islower", { a, _ in let s = try selfString(a); return .bool(s.contains { $0.isLetter } && !s.contains { $0.isUppercase }) }),
        ("center", { a, _ in try padString(a, "^") }),
        ("partition", { a, _ in
            let s = try selfString(a), sep = try argString(a, 1)
            if sep.isEmpty { throw valueError("empty separator") }
            guard let r = s.range(of: sep) else { return .tuple([.string(s), .string(""), .string("")]) }
            return .tuple([.string(String(s[..<r.lowerBound])), .string(sep), .string(String(s[r.upperBound...]))])
        }),
        ("rpartition", { a, _ in
            let s = try selfString(a), sep = try argString(a, 1)
            if sep.isEmpty { throw valueError("empty separator") }
            guard let r = s.range(of: sep, options: .backwards) else { return .tuple([.string(""), .string(""), .string(s)]) }
            return .tuple([.string(String(s[..<r.lowerBound])), .string(sep), .string(String(s[r.upperBound...]))])
        }),
        ("encode", { a, _ in .bytes(Array(try selfString(a).utf8)) }),
        ("__len__", { a, _ in try needArgs(a, 1); return .int(try length(a[0])) }),
        ("__contains__", { a, _ in try needArgs(a, 2); return .bool(try contains(a[0], a[1])) }),
        ("__getitem__", { a, _ in try needArgs(a, 2); return try getItem(a[0], a[1]) }),
        ("__add__", { a, _ in try needArgs(a, 2); return try binaryOp(.add, a[0], a[1]) }),
        ("__mod__", { a, _ in try needArgs(a, 2); return try binaryOp(.mod, a[0], a[1]) }),
        ("__eq__", { a, _ in try needArgs(a, 2); return .bool(try pyEquals(.string(try selfString(a)), a[1])) }),
        ("__lt__", { a, _ in try needArgs(a, 2); return .bool(try richCompare("__lt__", .string(try selfString(a)), a[1])) }),
        ("__hash__", { a, _ in .int(try pyHash(.string(try selfString(a)))) }),
        ("__str__", { a, _ in .string(try selfString(a)) }),
        ("__repr__", { a, _ in .string(reprString(try selfString(a))) }),
        ("__iter__", { a, _ in try getIter(.string(try selfString(a))) }),
    ])
}

func stripString(_ s: String, _ charsV: Value, left: Bool, right: Bool) throws -> String {
    let set: (Character) -> Bool
    if charsV.isNone { set = isPySpace } else {
        let cs = Set(try toStr(charsV))
        set = { cs.contains($0) }
    }
    var sub = Substring(s)
    if left { while let f = sub.first, set(f) { sub.removeFirst() } }
    if right { while let l = sub.last, set(l) { sub.removeLast() } }
    return String(sub)
}

private func padString(_ a: [Value], _ align: Character) throws -> Value {
    let s = try selfString(a)
    let w = try toInt(a.count > 1 ? a[1] : .int(0))
    let fill = a.count > 2 ? try toStr(a[2]) : " "
    let n = w - s.count
    if n <= 0 { return .string(s) }
    let f = fill.first ?? " "
    switch align {
    case "<": return .string(s + String(repeating: f, count: n))
    case ">": return .string(String(repeating: f, count: n) + s)
    default:
        let left = n / 2
        return .string(String(repeating: f, count: left) + s + String(repeating: f, count: n - left))
    }
}

/// MicroPython returns the very string when stripping removes nothing.
private func keepIfSame(_ original: Value, _ result: String) -> Value {
    if case .str(let o) = original, o.value.utf8.count == result.utf8.count { return original }
    return .string(result)
}
