import BigInt
import Foundation

extension Compiler {
    func nameError(_ name: String) -> PyError { pyErr(nameErrorType, "name '\(name)' isn't defined") }

    func expr(_ e: Expr) throws -> ExprFn {
        switch e {
        case .name(let n): return loadName(n)
        case .constant(let c):
            let v = try constantValue(c)
            return { _ in v }
        case .fstring(let pieces): return try fstring(pieces)
        case .tuple(let items):
            if items.contains(where: { if case .starred = $0 { return true }; return false }) {
                let b = try sequenceBuilder(items)
                return { f in .tuple(try b(f)) }
            }
            let fs = try items.map { try expr($0) }
            if fs.isEmpty { return { _ in .tuple([]) } }
            return { f in
                var out: [Value] = []
                out.reserveCapacity(fs.count)
                for x in fs { out.append(try x(f)) }
                return .tuple(out)
            }
        case .list(let items):
            let b = try sequenceBuilder(items)
            return { f in .list(try b(f)) }
        case .set(let items):
            let b = try sequenceBuilder(items)
            return { f in
                let d = PyDict(); d.isSet = true
                let xs = try b(f)
                d.reserveSetSlots(xs.count)
                for x in xs { try d.set(x, .none) }
                return .object(d)
            }
        case .dict(let pairs):
            var ops: [(ExprFn?, ExprFn)] = []
            for (k, v) in pairs { ops.append((try k.map { try expr($0) }, try expr(v))) }
            let displaySize = ops.allSatisfy { $0.0 != nil } ? ops.count : 0
            return { f in
                let d = PyDict()
                d.reserveSetSlots(displaySize)
                for (k, v) in ops {
                    if let k {
                        let kv = try k(f)
                        try d.set(kv, try v(f))
                    } else {
                        try dictMerge(d, try v(f))
                    }
                }
                return .object(d)
            }
        case .starred:
            throw SyntaxErrorInfo(message: "can't use starred expression here", line: 0)
        case .attribute(let obj, let name):
            let o = try expr(obj)
            let key = PyStr(name)
            return { f in
                let ov = try o(f)
                if case .object(let inst as PyInstance) = ov, let v = inst.attrs.getStr(key), !inst.cls.hasSetHooks { return v }
                return try getAttr(ov, key)
            }
        case .subscr(let obj, let key):
            let o = try expr(obj), k = try expr(key)
            return { f in
                let ov = try o(f), kv = try k(f)
                if case .object(let l as PyList) = ov, case .int(let i) = kv {
                    let j = i < 0 ? i + l.items.count : i
                    if j >= 0 && j < l.items.count { return l.items[j] }
                }
                return try getItem(ov, kv)
            }
        case .slice(let a, let b, let c):
            let fa = try a.map { try expr($0) }, fb = try b.map { try expr($0) }, fc = try c.map { try expr($0) }
            return { f in
                .object(PySlice(try fa?(f) ?? Value.none, try fb?(f) ?? Value.none, try fc?(f) ?? Value.none))
            }
        case .call(let fn, let args):
            return try call(fn, args)
        case .unary(let op, let x):
            let v = try expr(x)
            if op == "not" { return { f in .bool(!(try truthy(try v(f)))) } }
            if op == "-" {
                return { f in
                    let a = try v(f)
                    if case .int(let i) = a, i != Int.min { return .int(-i) }
                    return try unaryOp("-", a)
                }
            }
            return { f in try unaryOp(op, try v(f)) }
        case .binary(let sym, let a, let b):
            guard let op = BinOp(symbol: sym) else { throw SyntaxErrorInfo(message: "invalid syntax", line: 0) }
            let l = try expr(a), r = try expr(b)
            switch op {
            case .add:
                return { f in
                    let x = try l(f), y = try r(f)
                    if case .int(let i) = x, case .int(let j) = y {
                        let (s, o) = i.addingReportingOverflow(j)
                        if !o { return .int(s) }
                    }
                    return try binaryOpSlow(.add, x, y)
                }
            case .sub:
                return { f in
                    let x = try l(f), y = try r(f)
                    if case .int(let i) = x, case .int(let j) = y {
                        let (s, o) = i.subtractingReportingOverflow(j)
                        if !o { return .int(s) }
                    }
                    return try binaryOpSlow(.sub, x, y)
                }
            default:
                return { f in try binaryOp(op, try l(f), try r(f)) }
            }
        case .boolOp(let isAnd, let items):
            let fs = try items.map { try expr($0) }
            if isAnd {
                return { f in
                    var v: Value = .none
                    for x in fs { v = try x(f); if !(try truthy(v)) { return v } }
                    return v
                }
            }
            return { f in
                var v: Value = .none
                for x in fs { v = try x(f); if try truthy(v) { return v } }
                return v
            }
        case .compare(let first, let rest):
            if rest.count == 1, rest[0].0 == "==" || rest[0].0 == "!=" {
                // A user __eq__/__ne__ result is the value of the expression, as in MicroPython.
                let l = try expr(first), r = try expr(rest[0].1), ne = rest[0].0 == "!="
                return { f in
                    let x = try l(f), y = try r(f)
                    if case .int(let i) = x, case .int(let j) = y { return .bool(ne ? i != j : i == j) }
                    return try equalityValue(x, y, negated: ne)
                }
            }
            if rest.count == 1 {
                let c = try conditionExpr(e)
                return { f in .bool(try c(f)) }
            }
            let l = try expr(first)
            let ops = try rest.map { ($0.0, try expr($0.1)) }
            return { f in
                var left = try l(f)
                for (op, rf) in ops {
                    let right = try rf(f)
                    if !(try compareOp(op, left, right)) { return .bool(false) }
                    left = right
                }
                return .bool(true)
            }
        case .ifExp(let test, let body, let orelse):
            let t = try conditionExpr(test), b = try expr(body), o = try expr(orelse)
            return { f in try t(f) ? try b(f) : try o(f) }
        case .lambda(let fn):
            return try functionMaker(fn)
        case .comprehension(_, let fn, let iter):
            let maker = try functionMaker(fn)
            let it = try expr(iter)
            return { f in
                let function = try maker(f)
                let iterator = try getIter(try it(f))
                guard case .object(let pf as PyFunction) = function else { return .none }
                return try pf.call([iterator], [])
            }
        case .compAdd(let kind, let a, let b):
            let fa = try expr(a)
            let fb = try b.map { try expr($0) }
            return { f in
                switch f.compResult {
                case .object(let l as PyList): l.items.append(try fa(f))
                case .object(let d as PyDict):
                    if kind == .set { try d.set(try fa(f), .none) } else {
                        let k = try fa(f)
                        try d.set(k, try fb!(f))
                    }
                default: break
                }
                return .none
            }
        case .yield(let x):
            if scope.kind != .function { throw SyntaxErrorInfo(message: "'yield' outside function", line: 0) }
            let v = try x.map { try expr($0) }
            return { f in
                guard let ch = f.generator else { return .none }
                return try ch.yieldValue(try v?(f) ?? Value.none)
            }
        case .yieldFrom(let x):
            let v = try expr(x)
            return { f in try yieldFrom(f, try v(f)) }
        case .await(let x):
            // As in MicroPython, await compiles in any def or lambda body, but not at module or
            // class level nor directly in a comprehension.
            if scope.kind != .function || scope.code.compKind != nil {
                throw SyntaxErrorInfo(message: "'await' outside function", line: currentLine)
            }
            let v = try expr(x)
            return { f in try awaitValue(f, try v(f)) }
        case .namedExpr(let n, let x):
            let v = try expr(x), st = try storeName(n)
            return { f in
                let r = try v(f)
                try st(f, r)
                return r
            }
        }
    }

    func conditionExpr(_ e: Expr) throws -> (Frame) throws -> Bool {
        if case .compare(let a, let rest) = e, rest.count == 1 {
            let l = try expr(a), r = try expr(rest[0].1)
            let op = rest[0].0
            switch op {
            case "<": return { f in
                let x = try l(f), y = try r(f)
                if case .int(let i) = x, case .int(let j) = y { return i < j }
                return try richCompare("__lt__", x, y) }
            case "==": return { f in
                let x = try l(f), y = try r(f)
                if case .int(let i) = x, case .int(let j) = y { return i == j }
                return try pyEquals(x, y) }
            default:
                return { f in try compareOp(op, try l(f), try r(f)) }
            }
        }
        let v = try expr(e)
        return { f in
            let x = try v(f)
            if case .bool(let b) = x { return b }
            return try truthy(x)
        }
    }

    func constantValue(_ c: Constant) throws -> Value {
        switch c {
        case .none: return .none
        case .ellipsis: return .object(ellipsis)
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .bigint(let text):
            var radix = 10
            var digits = text
            if let colon = text.firstIndex(of: ":") {
                radix = Int(text[..<colon]) ?? 10
                digits = String(text[text.index(after: colon)...])
            }
            guard let b = parseBigInt(digits, radix: radix) else { throw SyntaxErrorInfo(message: "invalid syntax for number", line: 0) }
            return .bigint(b)
        case .float(let d): return .float(d)
        case .imaginary(let d): return .object(PyComplex(0, d))
        case .string(let s): return .str(PyStr(s))
        case .bytes(let b): return .bytes(b)
        }
    }

    private func fstring(_ pieces: [FStringPiece]) throws -> ExprFn {
        var parts: [(Frame) throws -> String] = []
        for p in pieces {
            switch p {
            case .literal(let s): parts.append { _ in s }
            case .value(let e, let conv, let spec):
                let v = try expr(e)
                let specFn = try spec.map { try fstring($0) }
                parts.append { f in
                    var x = try v(f)
                    if conv == "r" { x = .string(try repr(x)) } else if conv == "s" { x = .string(try str(x)) } else if conv == "a" { x = .string(try repr(x)) }
                    let sp = try specFn.map { try toStr(try $0(f)) } ?? ""
                    return try formatValue(x, sp)
                }
            }
        }
        return { f in
            var s = ""
            for p in parts { s += try p(f) }
            return .str(PyStr(s))
        }
    }

    /// Evaluates a list of items that may contain `*spread`.
    func sequenceBuilder(_ items: [Expr]) throws -> (Frame) throws -> [Value] {
        var ops: [(Bool, ExprFn)] = []
        for i in items {
            if case .starred(let inner) = i { ops.append((true, try expr(inner))) } else { ops.append((false, try expr(i))) }
        }
        return { f in
            var out: [Value] = []
            out.reserveCapacity(ops.count)
            for (star, fn) in ops {
                if star { out.append(contentsOf: try iterateToArray(try fn(f))) } else { out.append(try fn(f)) }
            }
            return out
        }
    }

    // MARK: names

    func loadName(_ n: String) -> ExprFn {
        switch scope.resolve(n) {
        case .local(let i):
            return { f in
                if let v = f.locals[i] { return v }
                throw pyErr(nameErrorType, "local variable referenced before assignment")
            }
        case .cell(let i):
            return { f in
                if let v = f.cells[i].value { return v }
                throw pyErr(nameErrorType, "local variable referenced before assignment")
            }
        case .global(let key):
            return { f in
                if let v = f.globals.getStr(key) { return v }
                if let v = f.runtime.builtins.getStr(key) { return v }
                throw pyErr(nameErrorType, "name '\(key.value)' isn't defined")
            }
        case .classDict(let key, let cell):
            return { f in
                if let d = f.classDict, let v = d.getStr(key) { return v }
                if let c = cell, c < f.cells.count, let v = f.cells[c].value { return v }
                if let v = f.globals.getStr(key) { return v }
                if let v = f.runtime.builtins.getStr(key) { return v }
                throw pyErr(nameErrorType, "name '\(key.value)' isn't defined")
            }
        }
    }

    func storeName(_ n: String) throws -> StoreFn {
        switch scope.resolve(n) {
        case .local(let i): return { f, v in f.locals[i] = v }
        case .cell(let i): return { f, v in f.cells[i].value = v }
        case .global(let key): return { f, v in f.globals.setStr(key, v) }
        case .classDict(let key, _): return { f, v in f.classDict?.setStr(key, v) }
        }
    }

    func store(_ target: Expr) throws -> StoreFn {
        switch target {
        case .name(let n): return try storeName(n)
        case .attribute(let obj, let name):
            let o = try expr(obj)
            let key = PyStr(name)
            return { f, v in try setAttr(try o(f), key, v) }
        case .subscr(let obj, let key):
            let o = try expr(obj), k = try expr(key)
            return { f, v in
                let ov = try o(f), kv = try k(f)
                if case .object(let l as PyList) = ov, case .int(let i) = kv {
                    let j = i < 0 ? i + l.items.count : i
                    if j >= 0 && j < l.items.count { l.items[j] = v; return }
                }
                try setItem(ov, kv, v)
            }
        case .tuple(let items), .list(let items):
            let starIndex = items.firstIndex { if case .starred = $0 { return true }; return false }
            var stores: [StoreFn] = []
            for i in items {
                if case .starred(let inner) = i { stores.append(try store(inner)) } else { stores.append(try store(i)) }
            }
            let n = items.count
            return { f, v in
                var values: [Value]
                if case .object(let t as PyTuple) = v { values = t.items } else if case .object(let l as PyList) = v { values = l.items } else { values = try iterateToArray(v) }
                if let si = starIndex {
                    if values.count < n - 1 { throw valueError("need more than \(values.count) values to unpack") }
                    for i in 0..<si { try stores[i](f, values[i]) }
                    let tail = n - si - 1
                    try stores[si](f, .list(Array(values[si..<(values.count - tail)])))
                    for k in 0..<tail { try stores[si + 1 + k](f, values[values.count - tail + k]) }
                    return
                }
                if values.count != n {
                    if values.count > n { throw valueError("too many values to unpack (expected \(n))") }
                    throw valueError("need more than \(values.count) values to unpack")
                }
                for i in 0..<n { try stores[i](f, values[i]) }
            }
        case .starred(let inner):
            return try store(inner)
        default:
            throw SyntaxErrorInfo(message: "can't assign to expression", line: currentLine, scope: "<module>")
        }
    }

    func delete(_ target: Expr) throws -> (Frame) throws -> Void {
        switch target {
        case .name(let n):
            switch scope.resolve(n) {
            case .local(let i):
                return { f in
                    if f.locals[i] == nil { throw pyErr(nameErrorType, "local variable referenced before assignment") }
                    f.locals[i] = nil
                }
            case .cell(let i): return { f in f.cells[i].value = nil }
            case .global(let key):
                // MicroPython deletes a global straight from the module dict: a missing one is a KeyError.
                return { f in if try f.globals.remove(.str(key)) == nil { throw keyError(.str(key)) } }
            case .classDict(let key, _):
                return { f in _ = try f.classDict?.remove(.str(key)) }
            }
        case .attribute(let obj, let name):
            let o = try expr(obj)
            return { f in try delAttr(try o(f), name) }
        case .subscr(let obj, let key):
            let o = try expr(obj), k = try expr(key)
            return { f in try delItem(try o(f), try k(f)) }
        case .tuple(let items), .list(let items):
            let ds = try items.map { try delete($0) }
            return { f in for d in ds { try d(f) } }
        default:
            throw SyntaxErrorInfo(message: "can't delete expression", line: currentLine, scope: "<module>")
        }
    }

    // MARK: calls

    private func call(_ fnExpr: Expr, _ args: [Argument]) throws -> ExprFn {
        let simple = args.allSatisfy { if case .positional = $0.kind { return true }; return false }
        // zero-argument super()
        if case .name("super") = fnExpr, args.isEmpty, case .global = scope.resolve("super") {
            let selfSlot = scope.kind == .function && scope.code.argCount > 0 ? 0 : -1
            let selfCell = scope.code.paramCellMap.first { $0.slot == 0 }?.cell
            return { f in
                guard let cls = f.function?.definingClass ?? f.runtime.currentClassHint else { throw pyErr(runtimeErrorType, "super(): no arguments") }
                var obj: Value? = nil
                if let c = selfCell { obj = f.cells[c].value } else if selfSlot >= 0 { obj = f.locals[selfSlot] }
                guard let o = obj else { throw pyErr(runtimeErrorType, "super(): no arguments") }
                return .object(PySuper(cls, o))
            }
        }
        if case .name("globals") = fnExpr, args.isEmpty, case .global = scope.resolve("globals") {
            return { f in .object(f.globals) }
        }
        if case .name("locals") = fnExpr, args.isEmpty, scope.kind != .function,
           scope.kind == .classBody ? !scope.assigned.contains("locals") : { if case .global = scope.resolve("locals") { return true }; return false }() {
            return { f in .object(f.classDict ?? f.globals) }
        }
        if case .name("locals") = fnExpr, args.isEmpty, case .global = scope.resolve("locals"), scope.kind == .function {
            let names = scope.code.slotNames
            let cellNames = scope.cells
            return { f in
                let d = PyDict()
                for (i, n) in names.enumerated() {
                    if let c = cellNames[n], c < f.cells.count { if let v = f.cells[c].value { d.setStr(n, v) }; continue }
                    if let v = f.locals[i] { d.setStr(n, v) }
                }
                return .object(d)
            }
        }
        if simple {
            let argFns = try args.map { try expr($0.value) }
            if case .attribute(let objExpr, let name) = fnExpr {
                let o = try expr(objExpr)
                let key = PyStr(name)
                switch argFns.count {
                case 0:
                    return { f in
                        let ov = try o(f)
                        if let pf = plainMethod(ov, key) { return try pf.call1(ov) }
                        return try callMethod(ov, key, [])
                    }
                case 1:
                    let a0 = argFns[0]
                    return { f in
                        let ov = try o(f)
                        if let pf = plainMethod(ov, key) { return try pf.call2(ov, try a0(f)) }
                        return try callMethod(ov, key, [try a0(f)])
                    }
                default:
                    return { f in
                        let ov = try o(f)
                        var av: [Value] = []
                        av.reserveCapacity(argFns.count)
                        for a in argFns { av.append(try a(f)) }
                        return try callMethod(ov, key, av)
                    }
                }
            }
            let fn = try expr(fnExpr)
            switch argFns.count {
            case 0: return { f in try callValue(try fn(f), [], []) }
            case 1:
                let a0 = argFns[0]
                return { f in
                    let callee = try fn(f)
                    if case .object(let pf as PyFunction) = callee { return try pf.call1(try a0(f)) }
                    return try callValue(callee, [try a0(f)], [])
                }
            case 2:
                let a0 = argFns[0], a1 = argFns[1]
                return { f in
                    let callee = try fn(f)
                    let x = try a0(f)
                    if case .object(let pf as PyFunction) = callee { return try pf.call2(x, try a1(f)) }
                    return try callValue(callee, [x, try a1(f)], [])
                }
            default:
                return { f in
                    let callee = try fn(f)
                    var av: [Value] = []
                    av.reserveCapacity(argFns.count)
                    for a in argFns { av.append(try a(f)) }
                    return try callValue(callee, av, [])
                }
            }
        }
        var ops: [(Argument.Kind, ExprFn)] = []
        for a in args { ops.append((a.kind, try expr(a.value))) }
        var methodObj: ExprFn? = nil
        var methodName = ""
        var fn: ExprFn? = nil
        if case .attribute(let objExpr, let name) = fnExpr { methodObj = try expr(objExpr); methodName = name } else { fn = try expr(fnExpr) }
        return { f in
            var callee: Value = .none
            var receiver: Value? = nil
            if let mo = methodObj { receiver = try mo(f) } else { callee = try fn!(f) }
            var pos: [Value] = []
            var kw: KwArgs = []
            var spread: KwArgs = []
            for (kind, e) in ops {
                switch kind {
                case .positional: pos.append(try e(f))
                case .star: pos.append(contentsOf: try iterateToArray(try e(f)))
                case .keyword(let n): kw.append((n, try e(f)))
                case .doubleStar:
                    let m = try e(f)
                    if case .object(let d as PyDict) = m {
                        for (k, v) in d.entries { spread.append((try toStr(k), v)) }
                    } else {
                        for k in try iterateToArray(try callMethod(m, "keys", [])) { spread.append((try toStr(k), try getItem(m, k))) }
                    }
                }
            }
            // MicroPython passes explicit keywords before the ** expansion.
            kw.append(contentsOf: spread)
            if let r = receiver { return try callMethod(r, methodName, pos, kw) }
            return try callValue(callee, pos, kw)
        }
    }
}

func compareOp(_ op: String, _ a: Value, _ b: Value) throws -> Bool {
    switch op {
    case "<": return try richCompare("__lt__", a, b)
    case ">": return try richCompare("__gt__", a, b)
    case "<=": return try richCompare("__le__", a, b)
    case ">=": return try richCompare("__ge__", a, b)
    case "==": return try pyEquals(a, b)
    case "!=": return try !equalsForNe(a, b)
    case "in": return try contains(b, a)
    case "not in": return try !contains(b, a)
    case "is": return a.isIdentical(b)
    case "is not": return !a.isIdentical(b)
    default: return false
    }
}

func dictMerge(_ d: PyDict, _ other: Value) throws {
    if case .object(let o as PyDict) = other {
        for (k, v) in o.entries { try d.set(k, v) }
        return
    }
    for k in try iterateToArray(try callMethod(other, "keys", [])) { try d.set(k, try getItem(other, k)) }
}

/// The Python function a method call on an instance resolves to, when nothing (instance
/// attribute, descriptor) stands in the way; lets call sites bind self without an array.
@inline(__always)
func plainMethod(_ obj: Value, _ key: PyStr) -> PyFunction? {
    guard case .object(let o) = obj, let inst = o as? PyInstance, inst.attrs.getStr(key) == nil,
          case .object(let pf as PyFunction)? = inst.cls.lookup(key) else { return nil }
    return pf
}

/// `a == b` / `a != b` as an expression value. A user `__eq__` or `__ne__` (tried on the left
/// operand, then reflected on the right) gives its own result; `!=` without `__ne__` negates
/// `__eq__`. Everything else is the usual boolean equality.
func equalityValue(_ a: Value, _ b: Value, negated: Bool) throws -> Value {
    func user(_ v: Value) -> PyInstance? {
        if case .object(let i as PyInstance) = v, !(i is PyExceptionObject) { return i }
        return nil
    }
    if user(a) == nil && user(b) == nil { return .bool(negated ? !(try pyEquals(a, b)) : try pyEquals(a, b)) }
    for (this, other) in [(a, b), (b, a)] {
        guard let inst = user(this) else { continue }
        if negated, let ne = inst.cls.lookupUser("__ne__") {
            let r = try callValue(ne, [this, other], [])
            if !r.isIdentical(.object(notImplemented)) { return r }
        }
        if let eq = inst.cls.lookupUser("__eq__") {
            let r = try callValue(eq, [this, other], [])
            if !r.isIdentical(.object(notImplemented)) { return negated ? .bool(!(try truthy(r))) : r }
        }
    }
    return .bool(negated ? !(try pyEquals(a, b)) : try pyEquals(a, b))
}
