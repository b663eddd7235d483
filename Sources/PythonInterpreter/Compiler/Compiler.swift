import BigInt
import Foundation

/// Turns the syntax tree into nested Swift closures, resolving every name to a slot, cell or
/// global key at compile time so execution never walks the tree or looks up locals by name.
final class Compiler {
    let filename: String
    var scope: Scope
    var loopDepth = 0
    var interactive = false
    var currentLine = 0

    init(filename: String, scope: Scope) {
        self.filename = filename
        self.scope = scope
    }

    static func compileModule(_ body: [Stmt], filename: String, interactive: Bool = false) throws -> CodeObject {
        let code = CodeObject(name: "<module>", filename: filename)
        let scope = Scope(kind: .module, parent: nil, code: code)
        let c = Compiler(filename: filename, scope: scope)
        c.interactive = interactive
        code.body = try c.block(body)
        return code
    }

    // MARK: - scopes

    func makeFunctionCode(_ fn: FunctionDef) throws -> (CodeObject, [String]) {
        let facts = ScopeScanner.scanFunction(fn)
        let code = CodeObject(name: fn.name, filename: filename)
        let s = Scope(kind: .function, parent: scope, code: code)
        s.globals = facts.globals
        s.assigned = facts.assigned
        var slotNames: [String] = []
        let positional = Array(fn.params[0..<fn.kwonlyStart]).map { $0.name }
        let kwonly = Array(fn.params[fn.kwonlyStart...]).map { $0.name }
        slotNames.append(contentsOf: positional)
        if let v = fn.varargs { code.varargsSlot = slotNames.count; slotNames.append(v) }
        slotNames.append(contentsOf: kwonly)
        if let k = fn.kwargs { code.kwargsSlot = slotNames.count; slotNames.append(k) }
        let paramSet = Set(slotNames)
        // MicroPython's compile-time checks on global/nonlocal declarations.
        if !facts.globals.isDisjoint(with: paramSet) || !facts.globals.isDisjoint(with: facts.nonlocals) {
            throw SyntaxErrorInfo(message: "identifier redefined as global", line: currentLine)
        }
        if !facts.nonlocals.isDisjoint(with: paramSet) {
            throw SyntaxErrorInfo(message: "identifier redefined as nonlocal", line: currentLine)
        }
        if fn.compKind == nil, let missing = facts.nonlocals.sorted().first(where: { !s.enclosingProvides($0) }) {
            _ = missing
            throw SyntaxErrorInfo(message: "no binding for nonlocal found", line: currentLine)
        }
        let others = facts.assigned.subtracting(paramSet).subtracting(facts.globals).subtracting(facts.nonlocals).sorted()
        slotNames.append(contentsOf: others)
        for (i, n) in slotNames.enumerated() { s.slots[n] = i }
        code.slotNames = slotNames
        code.paramNames = positional + kwonly
        code.argCount = positional.count
        code.kwonlyCount = kwonly.count
        // cells
        let localSet = Set(slotNames)
        let cellVars = localSet.intersection(facts.childFree).subtracting(facts.nonlocals).sorted()
        var free: [String] = []
        let wanted = ScopeScanner.freeNames(fn).union(facts.nonlocals)
        for n in wanted.sorted() where !localSet.contains(n) || facts.nonlocals.contains(n) {
            if s.enclosingProvides(n) { free.append(n) }
        }
        for (i, n) in cellVars.enumerated() { s.cells[n] = i }
        for (i, n) in free.enumerated() { s.cells[n] = cellVars.count + i }
        code.ownCellCount = cellVars.count
        code.cellNames = cellVars + free
        for n in cellVars { if let slot = s.slots[n], slot < positional.count + kwonly.count + (fn.varargs != nil ? 1 : 0) + (fn.kwargs != nil ? 1 : 0) { code.paramCellMap.append((slot, s.cells[n]!)) } }
        code.isGenerator = fn.isGenerator
        code.isAsync = fn.isAsync
        code.compKind = fn.compKind
        let saved = scope, savedLoop = loopDepth
        scope = s
        loopDepth = 0
        defer { scope = saved; loopDepth = savedLoop }
        var body = try block(fn.body)
        if let kind = fn.compKind, kind != .generator {
            let inner = body
            body = { f in
                switch kind {
                case .list: f.compResult = .list([])
                case .set: let d = PyDict(); d.isSet = true; f.compResult = .object(d)
                default: f.compResult = .object(PyDict())
                }
                _ = try inner(f)
                f.returnValue = f.compResult
                return .returnValue
            }
        }
        code.body = body
        return (code, free)
    }

    /// Builds the closure that creates a function object at run time (defaults evaluated now).
    func functionMaker(_ fn: FunctionDef) throws -> ExprFn {
        let (code, free) = try makeFunctionCode(fn)
        let positional = Array(fn.params[0..<fn.kwonlyStart])
        let defaultExprs = try positional.compactMap { p in try p.defaultValue.map { try expr($0) } }
        var kwDefaultExprs: [(String, ExprFn)] = []
        for p in fn.params[fn.kwonlyStart...] { if let d = p.defaultValue { kwDefaultExprs.append((p.name, try expr(d))) } }
        let captures: [Int] = free.map { scope.cells[$0] ?? -1 }
        return { f in
            var defaults: [Value] = []
            for d in defaultExprs { defaults.append(try d(f)) }
            var kwd: [String: Value] = [:]
            for (n, d) in kwDefaultExprs { kwd[n] = try d(f) }
            var closure: [PyCell] = []
            for c in captures { closure.append(c >= 0 && c < f.cells.count ? f.cells[c] : PyCell()) }
            return .object(PyFunction(code: code, globals: f.globals, runtime: f.runtime, defaults: defaults, kwDefaults: kwd, closure: closure))
        }
    }

    // MARK: - statements

    func block(_ stmts: [Stmt]) throws -> StmtFn {
        let compiled = try stmts.map { try stmt($0) }
        switch compiled.count {
        case 0: return { _ in .normal }
        case 1: return compiled[0]
        case 2:
            let a = compiled[0], b = compiled[1]
            return { f in
                let r = try a(f)
                if r != .normal { return r }
                return try b(f)
            }
        default:
            return { f in
                for s in compiled {
                    let r = try s(f)
                    if r != .normal { return r }
                }
                return .normal
            }
        }
    }

    func stmt(_ s: Stmt) throws -> StmtFn {
        let line = s.line
        currentLine = line
        let inner = try stmtBody(s)
        return { f in
            f.line = line
            return try inner(f)
        }
    }

    private func stmtBody(_ s: Stmt) throws -> StmtFn {
        switch s.kind {
        case .expr(let e):
            let fn = try expr(e)
            if interactive && scope.kind == .module {
                return { f in
                    let v = try fn(f)
                    if !v.isNone {
                        try f.runtime.writeOut(try repr(v) + "\n")
                        f.runtime.builtins.setStr("_", v)
                    }
                    return .normal
                }
            }
            return { f in _ = try fn(f); return .normal }
        case .assign(let targets, let value):
            let v = try expr(value)
            if targets.count == 1 {
                let t = try store(targets[0])
                return { f in try t(f, try v(f)); return .normal }
            }
            let ts = try targets.map { try store($0) }
            return { f in
                let x = try v(f)
                for t in ts { try t(f, x) }
                return .normal
            }
        case .augAssign(let target, let opSym, let value):
            return try augAssign(target, opSym, value)
        case .annAssign(let target, let value):
            guard let value else { return { _ in .normal } }
            let v = try expr(value), t = try store(target)
            return { f in try t(f, try v(f)); return .normal }
        case .pass: return { _ in .normal }
        case .breakLoop:
            if loopDepth == 0 { throw SyntaxErrorInfo(message: "'break'/'continue' outside loop", line: s.line, scope: "<module>") }
            return { _ in .breakLoop }
        case .continueLoop:
            if loopDepth == 0 { throw SyntaxErrorInfo(message: "'break'/'continue' outside loop", line: s.line, scope: "<module>") }
            return { _ in .continueLoop }
        case .returnValue(let e):
            if scope.kind != .function { throw SyntaxErrorInfo(message: "'return' outside function", line: s.line, scope: "<module>") }
            guard let e else { return { f in f.returnValue = .none; return .returnValue } }
            let v = try expr(e)
            return { f in f.returnValue = try v(f); return .returnValue }
        case .raise(let e, let cause):
            let ev = try e.map { try expr($0) }
            let cv = try cause.map { try expr($0) }
            return { f in
                guard let ev else {
                    if let cur = f.handling.last ?? f.runtime.handlingStack.last { throw PyError(exception: cur) }
                    throw pyErr(runtimeErrorType, "no active exception to reraise")
                }
                let exc = try makeRaisable(try ev(f))
                if let cv {
                    exc.cause = try cv(f)
                    if !exc.cause.isNone { f.runtime.writeErr("Warning: exception chaining not supported\n") }
                }
                throw PyError(exception: exc)
            }
        case .nonlocal:
            if scope.kind == .module { throw SyntaxErrorInfo(message: "can't declare nonlocal in outer code", line: s.line, scope: "<module>") }
            return { _ in .normal }
        case .global:
            return { _ in .normal }
        case .del(let targets):
            let ds = try targets.map { try delete($0) }
            return { f in for d in ds { try d(f) }; return .normal }
        case .assert(let test, let msg):
            let t = try expr(test)
            let m = try msg.map { try expr($0) }
            return { f in
                if try !truthy(try t(f)) {
                    let args: [Value] = try m.map { [try $0(f)] } ?? []
                    throw PyError(exception: makeException(assertionErrorType, args))
                }
                return .normal
            }
        case .ifStmt(let cond, let body, let orelse):
            let c = try condition(cond), b = try block(body)
            if orelse.isEmpty {
                return { f in try c(f) ? try b(f) : .normal }
            }
            let o = try block(orelse)
            return { f in try c(f) ? try b(f) : try o(f) }
        case .whileLoop(let cond, let body, let orelse):
            let c = try condition(cond)
            loopDepth += 1
            let b = try block(body)
            loopDepth -= 1
            let o = try block(orelse)
            let line = s.line
            return { f in
                let rt = f.runtime
                while true {
                    f.line = line
                    if !(try c(f)) { break }
                    let r = try b(f)
                    if r == .breakLoop { return .normal }
                    if r == .returnValue { return r }
                    if rt.interruptPending.pointee != 0 { try rt.raiseInterrupt() }
                }
                return try o(f)
            }
        case .forLoop(let target, let iter, let body, let orelse, let isAsync):
            return try forLoop(target, iter, body, orelse, isAsync: isAsync, line: s.line)
        case .tryStmt(let body, let handlers, let orelse, let final):
            return try tryStmt(body, handlers, orelse, final)
        case .with(let items, let body, let isAsync):
            return try withStmt(items, body, isAsync: isAsync)
        case .functionDef(let fn):
            var maker = try functionMaker(fn)
            for d in fn.decorators.reversed() {
                let dv = try expr(d), inner = maker
                maker = { f in
                    let dec = try dv(f)
                    return try callValue(dec, [try inner(f)], [])
                }
            }
            let t = try storeName(fn.name)
            let m = maker
            return { f in try t(f, try m(f)); return .normal }
        case .classDef(let cd):
            return try classDef(cd)
        case .importModules(let names):
            return try importModules(names)
        case .importFrom(let module, let level, let names):
            return try importFrom(module, level, names)
        }
    }

    private func condition(_ e: Expr) throws -> (Frame) throws -> Bool {
        if case .compare(let a, let rest) = e, rest.count == 1 {
            let l = try expr(a), r = try expr(rest[0].1)
            switch rest[0].0 {
            case "<": return { f in
                let x = try l(f), y = try r(f)
                if case .int(let i) = x, case .int(let j) = y { return i < j }
                return try richCompare("__lt__", x, y) }
            case ">": return { f in
                let x = try l(f), y = try r(f)
                if case .int(let i) = x, case .int(let j) = y { return i > j }
                return try richCompare("__gt__", x, y) }
            case "<=": return { f in
                let x = try l(f), y = try r(f)
                if case .int(let i) = x, case .int(let j) = y { return i <= j }
                return try richCompare("__le__", x, y) }
            case ">=": return { f in
                let x = try l(f), y = try r(f)
                if case .int(let i) = x, case .int(let j) = y { return i >= j }
                return try richCompare("__ge__", x, y) }
            case "==": return { f in
                let x = try l(f), y = try r(f)
                if case .int(let i) = x, case .int(let j) = y { return i == j }
                return try pyEquals(x, y) }
            case "!=": return { f in
                let x = try l(f), y = try r(f)
                if case .int(let i) = x, case .int(let j) = y { return i != j }
                return try !equalsForNe(x, y) }
            default: break
            }
        }
        let v = try expr(e)
        return { f in
            let x = try v(f)
            if case .bool(let b) = x { return b }
            return try truthy(x)
        }
    }

    private func augAssign(_ target: Expr, _ opSym: String, _ value: Expr) throws -> StmtFn {
        guard let op = BinOp(symbol: opSym) else { throw SyntaxErrorInfo(message: "invalid syntax", line: 0) }
        let v = try expr(value)
        switch target {
        case .name(let n):
            let load = try expr(.name(n)), st = try storeName(n)
            if op == .add {
                return { f in
                    let a = try load(f), b = try v(f)
                    if case .int(let x) = a, case .int(let y) = b {
                        let (r, o) = x.addingReportingOverflow(y)
                        if !o { try st(f, .int(r)); return .normal }
                    }
                    try st(f, try inplaceOp(op, a, b))
                    return .normal
                }
            }
            return { f in try st(f, try inplaceOp(op, try load(f), try v(f))); return .normal }
        case .attribute(let obj, let name):
            let o = try expr(obj)
            return { f in
                let ov = try o(f)
                let cur = try getAttr(ov, name)
                try setAttr(ov, name, try inplaceOp(op, cur, try v(f)))
                return .normal
            }
        case .subscr(let obj, let key):
            let o = try expr(obj), k = try expr(key)
            return { f in
                let ov = try o(f), kv = try k(f)
                let cur = try getItem(ov, kv)
                try setItem(ov, kv, try inplaceOp(op, cur, try v(f)))
                return .normal
            }
        default:
            throw SyntaxErrorInfo(message: "illegal expression for augmented assignment", line: 0)
        }
    }

    private func forLoop(_ target: Expr, _ iter: Expr, _ body: [Stmt], _ orelse: [Stmt], isAsync: Bool, line: Int) throws -> StmtFn {
        let it = try expr(iter)
        let t = try store(target)
        loopDepth += 1
        let b = try block(body)
        loopDepth -= 1
        let o = orelse.isEmpty ? nil : try block(orelse)
        var localSlot: Int? = nil
        if case .name(let n) = target, case .local(let s) = scope.resolve(n) { localSlot = s }
        if isAsync {
            return { f in
                let aiter = try callMethod(try it(f), "__aiter__", [])
                while true {
                    let awaitable = try callMethod(aiter, "__anext__", [])
                    let v: Value
                    do { v = try awaitValue(f, awaitable) } catch let e as PyError where e.exception.cls.isSubclass(of: stopAsyncIterationType) { break }
                    try t(f, v)
                    let r = try b(f)
                    if r == .breakLoop { return .normal }
                    if r == .returnValue { return r }
                }
                if let o { return try o(f) }
                return .normal
            }
        }
        return { f in
            let seq = try it(f)
            let rt = f.runtime
            // Fast paths: ranges and lists iterate without an iterator object.
            if case .object(let obj) = seq {
                if let r = obj as? PyRange {
                    var i = r.start
                    let stop = r.stop, step = r.step
                    while step > 0 ? i < stop : i > stop {
                        if let s = localSlot { f.locals[s] = .int(i) } else { try t(f, .int(i)) }
                        let res = try b(f)
                        if res == .breakLoop { return .normal }
                        if res == .returnValue { return res }
                        if rt.interruptPending.pointee != 0 { try rt.raiseInterrupt() }
                        let (next, overflow) = i.addingReportingOverflow(step)
                        if overflow { break }
                        i = next
                    }
                    if let o { return try o(f) }
                    return .normal
                }
                if let l = obj as? PyList {
                    var i = 0
                    while i < l.items.count {
                        if let s = localSlot { f.locals[s] = l.items[i] } else { try t(f, l.items[i]) }
                        let res = try b(f)
                        if res == .breakLoop { return .normal }
                        if res == .returnValue { return res }
                        if rt.interruptPending.pointee != 0 { try rt.raiseInterrupt() }
                        i += 1
                    }
                    if let o { return try o(f) }
                    return .normal
                }
            }
            let iterator = try getIter(seq)
            while true {
                f.line = line
                guard let v = try nextValue(iterator) else { break }
                try t(f, v)
                let res = try b(f)
                if res == .breakLoop { return .normal }
                if res == .returnValue { return res }
                if rt.interruptPending.pointee != 0 { try rt.raiseInterrupt() }
            }
            if let o { return try o(f) }
            return .normal
        }
    }

    private func tryStmt(_ body: [Stmt], _ handlers: [ExceptHandler], _ orelse: [Stmt], _ final: [Stmt]) throws -> StmtFn {
        let b = try block(body)
        var hs: [(types: ExprFn?, store: StoreFn?, del: ((Frame) throws -> Void)?, body: StmtFn, line: Int)] = []
        for h in handlers {
            let ty = try h.type.map { try expr($0) }
            let st = try h.name.map { try storeName($0) }
            let dl = try h.name.map { try delete(.name($0)) }
            hs.append((ty, st, dl, try block(h.body), h.line))
        }
        let o = orelse.isEmpty ? nil : try block(orelse)
        let fin = final.isEmpty ? nil : try block(final)
        let handlersCopy = hs
        let core: StmtFn
        if handlersCopy.isEmpty {
            core = b
        } else {
            core = { f in
                var flow: Flow
                do {
                    flow = try b(f)
                } catch let err as PyError {
                    let exc = err.exception
                    for h in handlersCopy {
                        if let ty = h.types {
                            if !(try exceptionMatches(exc, try ty(f))) { continue }
                        }
                        f.line = h.line
                        if let st = h.store { try st(f, .object(exc)) }
                        f.handling.append(exc)
                        f.runtime.handlingStack.append(exc)
                        defer {
                            f.handling.removeLast()
                            f.runtime.handlingStack.removeLast()
                        }
                        let r = try h.body(f)
                        if let dl = h.del { try? dl(f) }
                        return r
                    }
                    throw err
                }
                if flow == .normal, let o { return try o(f) }
                return flow
            }
        }
        guard let fin else { return core }
        return { f in
            let flow: Flow
            do {
                flow = try core(f)
            } catch is GeneratorKilled {
                // MicroPython never finalizes abandoned generators, so their finally blocks don't run.
                throw GeneratorKilled()
            } catch {
                let savedReturn = f.returnValue
                let r = try fin(f)
                if r != .normal { return Self.finallyOverride(r, f) }
                f.returnValue = savedReturn
                throw error
            }
            let savedReturn = f.returnValue
            let r = try fin(f)
            if r != .normal { return Self.finallyOverride(r, f) }
            f.returnValue = savedReturn
            return flow
        }
    }

    /// A break or continue in a finally block cancels a pending return: the function then
    /// ends with None unless it returns again.
    private static func finallyOverride(_ r: Flow, _ f: Frame) -> Flow {
        if r != .returnValue { f.returnValue = .none }
        return r
    }

    private func withStmt(_ items: [WithItem], _ body: [Stmt], isAsync: Bool) throws -> StmtFn {
        guard let first = items.first else { return try block(body) }
        let ctx = try expr(first.context)
        let st = try first.target.map { try store($0) }
        let inner = items.count > 1 ? try withStmt(Array(items.dropFirst()), body, isAsync: isAsync) : try block(body)
        let enterName = isAsync ? "__aenter__" : "__enter__"
        let exitName = isAsync ? "__aexit__" : "__exit__"
        return { f in
            let mgr = try ctx(f)
            guard let exitFn = try lookupAttr(mgr, exitName) else { throw attributeError("'\(typeName(mgr))' object has no attribute '\(exitName)'") }
            var entered = try callMethod(mgr, enterName, [])
            if isAsync { entered = try awaitValue(f, entered) }
            if let st { try st(f, entered) }
            let flow: Flow
            do {
                flow = try inner(f)
            } catch let err as PyError {
                var r = try callValue(exitFn, [.object(err.exception.cls), .object(err.exception), .none], [])
                if isAsync { r = try awaitValue(f, r) }
                if try truthy(r) { return .normal }
                throw err
            }
            let r = try callValue(exitFn, [.none, .none, .none], [])
            if isAsync { _ = try awaitValue(f, r) }
            return flow
        }
    }

    private func classDef(_ cd: ClassDef) throws -> StmtFn {
        let facts = ScopeScanner.scanClass(cd)
        let code = CodeObject(name: cd.name, filename: filename)
        code.isClassBody = true
        let s = Scope(kind: .classBody, parent: scope, code: code)
        s.globals = facts.globals
        s.assigned = facts.assigned
        s.nonlocals = facts.nonlocals
        var free: [String] = []
        for n in ScopeScanner.freeNames(cd).sorted() where s.enclosingProvides(n) { free.append(n) }
        for (i, n) in free.enumerated() { s.cells[n] = i }
        code.cellNames = free
        let saved = scope, savedLoop = loopDepth
        scope = s
        loopDepth = 0
        let body = try block(cd.body)
        scope = saved
        loopDepth = savedLoop
        code.body = body
        let captures = free.map { scope.cells[$0] ?? -1 }
        var baseExprs: [ExprFn] = []
        var metaExpr: ExprFn? = nil
        for a in cd.bases {
            switch a.kind {
            case .positional: baseExprs.append(try expr(a.value))
            case .keyword("metaclass"): metaExpr = try expr(a.value)
            default: break
            }
        }
        let decorators = try cd.decorators.reversed().map { try expr($0) }
        let name = cd.name
        let st = try storeName(cd.name)
        return { f in
            var bases: [PyClass] = []
            for be in baseExprs {
                let bv = try be(f)
                guard case .object(let bc as PyClass) = bv else { throw typeError("type '\(typeName(bv))' isn't an acceptable base type") }
                // Types MicroPython cannot make instances of can't be extended either.
                if bc === noneType || bc === functionType || bc === builtinFunctionType || bc === boundMethodType || bc === generatorType {
                    throw typeError("type '\(bc.name)' isn't an acceptable base type")
                }
                bases.append(bc)
            }
            if let hook = f.runtime.replacedBuiltin("__build_class__", original: f.runtime.originalBuildClass) {
                // a replaced __build_class__ gets (body, name, *bases) and its result is the class
                let body = PyBuiltinFunction(name) { _, _ in .none }
                var v = try callValue(hook, [.object(body), .string(name)] + bases.map { .object($0) }, [])
                for d in decorators { v = try callValue(try d(f), [v], []) }
                try st(f, v)
                return .normal
            }
            if bases.isEmpty { bases = [objectType] }
            let ns = PyDict()
            ns.setStr("__module__", f.globals.getStr("__name__") ?? .string("__main__"))
            ns.setStr("__qualname__", .string(name))
            let frame = Frame(code: code, globals: f.globals, runtime: f.runtime)
            frame.classDict = ns
            frame.cells = captures.map { $0 >= 0 && $0 < f.cells.count ? f.cells[$0] : PyCell() }
            do {
                _ = try body(frame)
            } catch let e as PyError {
                e.exception.traceback.append(TraceEntry(file: code.filename, line: frame.line, function: name))
                throw e
            }
            // __new__ is implicitly a staticmethod
            if case .object(let nf as PyFunction)? = ns.getStr("__new__") { ns.setStr("__new__", .object(PyStaticMethod(.object(nf)))) }
            let cls = PyClass(name: name, bases: bases, dict: ns)
            cls.isUserDefined = true
            if let me = metaExpr, case .object(let meta as PyClass) = try me(f), meta !== typeType {
                cls.metaclass = meta
                if let found = meta.lookup("__new__"), case let newF = (found.asObject as? PyStaticMethod)?.function ?? found, newF.asObject is PyFunction {
                    let r = try callValue(newF, [.object(meta), .string(name), .tuple(bases.map { .object($0) }), .object(ns)], [])
                    if case .object(let c2 as PyClass) = r { c2.metaclass = meta; bindDefiningClass(c2); var v: Value = .object(c2); for d in decorators { v = try callValue(try d(f), [v], []) }; try st(f, v); return .normal }
                }
                if let initF = meta.lookup("__init__"), initF.asObject is PyFunction {
                    _ = try callValue(initF, [.object(cls), .string(name), .tuple(bases.map { .object($0) }), .object(ns)], [])
                }
            } else if let meta = bases.first?.metaclass {
                cls.metaclass = meta
            }
            bindDefiningClass(cls)
            if let isc = cls.mro.dropFirst().lazy.compactMap({ $0.dict.getStr("__init_subclass__") }).first, case .object(let cm as PyClassMethod) = isc {
                _ = try callValue(cm.function, [.object(cls)], [])
            }
            for (k, v) in ns.entries {
                if case .object(let inst as PyInstance) = v, let sn = inst.cls.lookupUser("__set_name__") {
                    _ = try callValue(sn, [v, .object(cls), k], [])
                }
            }
            var v: Value = .object(cls)
            for d in decorators { v = try callValue(try d(f), [v], []) }
            try st(f, v)
            return .normal
        }
    }

    private func importModules(_ names: [ImportName]) throws -> StmtFn {
        var ops: [(String, String?, StoreFn)] = []
        for n in names {
            let bindName = n.asName ?? String(n.name.split(separator: ".").first ?? "")
            ops.append((n.name, n.asName, try storeName(bindName)))
        }
        return { f in
            for (name, asName, st) in ops {
                if let hook = f.runtime.replacedBuiltin("__import__", original: f.runtime.originalImport) {
                    var m = try callValue(hook, [.string(name), .object(f.globals), .none, .none, .int(0)], [])
                    if asName != nil { for part in name.split(separator: ".").dropFirst() { m = try getAttr(m, String(part)) } }
                    try st(f, m)
                    continue
                }
                let top = try f.runtime.importModule(name, level: 0, globals: f.globals)
                if asName != nil {
                    let m = try f.runtime.importedLeaf(name, top)
                    try st(f, m)
                } else {
                    try st(f, top)
                }
            }
            return .normal
        }
    }

    private func importFrom(_ module: String, _ level: Int, _ names: [ImportName]) throws -> StmtFn {
        if names.count == 1 && names[0].name == "*" {
            if scope.kind != .module {
                return { f in
                    let m = try f.runtime.importFromTarget(module, level: level, globals: f.globals)
                    guard case .object(let mod as PyModule) = m else { return .normal }
                    for (k, v) in mod.dict.entries { if case .str(let ks) = k, !ks.value.hasPrefix("_") { f.classDict?.setStr(ks, v) } }
                    return .normal
                }
            }
            return { f in
                let m = try f.runtime.importFromTarget(module, level: level, globals: f.globals)
                guard case .object(let mod as PyModule) = m else { return .normal }
                let all = mod.dict.getStr("__all__")
                if let all {
                    for n in try iterateToArray(all) { f.globals.setStr(try toStr(n), try getAttr(m, try toStr(n))) }
                } else {
                    for (k, v) in mod.dict.entries { if case .str(let ks) = k, !ks.value.hasPrefix("_") { f.globals.setStr(ks, v) } }
                }
                return .normal
            }
        }
        let ops = try names.map { ($0.name, try storeName($0.asName ?? $0.name)) }
        return { f in
            if let hook = f.runtime.replacedBuiltin("__import__", original: f.runtime.originalImport) {
                let fromList = Value.tuple(ops.map { .string($0.0) })
                let m = try callValue(hook, [.string(module), .object(f.globals), .none, fromList, .int(level)], [])
                for (name, st) in ops { try st(f, try getAttr(m, name)) }
                return .normal
            }
            let m = try f.runtime.importFromTarget(module, level: level, globals: f.globals)
            for (name, st) in ops {
                if let v = try lookupAttr(m, name) {
                    try st(f, v)
                } else if case .object(let mod as PyModule) = m, let sub = try? f.runtime.importSubmodule(mod, name) {
                    try st(f, sub)
                } else {
                    throw pyErr(importErrorType, "can't import name \(name)")
                }
            }
            return .normal
        }
    }
}

func bindDefiningClass(_ cls: PyClass) {
    for v in cls.dict.values {
        guard case .object(let o) = v else { continue }
        switch o {
        case let fn as PyFunction: if fn.definingClass == nil { fn.definingClass = cls }
        case let sm as PyStaticMethod: if case .object(let fn as PyFunction) = sm.function, fn.definingClass == nil { fn.definingClass = cls }
        case let cm as PyClassMethod: if case .object(let fn as PyFunction) = cm.function, fn.definingClass == nil { fn.definingClass = cls }
        case let p as PyProperty:
            for g in [p.fget, p.fset, p.fdel] { if case .object(let fn as PyFunction) = g, fn.definingClass == nil { fn.definingClass = cls } }
        default: break
        }
    }
}

func exceptionMatches(_ exc: PyExceptionObject, _ type: Value) throws -> Bool {
    switch type {
    case .object(let c as PyClass):
        if !c.isExceptionClass { throw typeError("catching classes that do not inherit from BaseException is not allowed") }
        return exc.cls.isSubclass(of: c)
    case .object(let t as PyTuple):
        for x in t.items where try exceptionMatches(exc, x) { return true }
        return false
    default:
        throw typeError("catching classes that do not inherit from BaseException is not allowed")
    }
}

/// Turns the operand of `raise` into an exception instance (instantiating classes).
func makeRaisable(_ v: Value) throws -> PyExceptionObject {
    switch v {
    case .object(let e as PyExceptionObject): return e
    case .object(let c as PyClass) where c.isExceptionClass:
        let inst = try callValue(v, [], [])
        if case .object(let e as PyExceptionObject) = inst { return e }
    default: break
    }
    throw typeError("exceptions must derive from BaseException")
}

func equalsForNe(_ a: Value, _ b: Value) throws -> Bool {
    if case .object(let ia as PyInstance) = a, let f = ia.cls.lookupUser("__ne__") {
        let r = try callValue(f, [a, b], [])
        if !r.isIdentical(.object(notImplemented)) { return !(try truthy(r)) }
    }
    return try pyEquals(a, b)
}

/// `await x`: drives the awaitable as a sub-generator of the running coroutine.
func awaitValue(_ f: Frame, _ awaitable: Value) throws -> Value {
    var target = awaitable
    if case .object(let inst as PyInstance) = awaitable, let aw = inst.cls.lookupUser("__await__") {
        target = try callValue(aw, [awaitable], [])
    } else if case .object(let g as PyGenerator) = awaitable {
        target = .object(g)
    } else if case .object(let inst as PyInstance) = awaitable, inst.cls.lookupUser("__iter__") != nil {
        target = try getIter(awaitable)
    }
    return try yieldFrom(f, target)
}

func yieldFrom(_ f: Frame, _ source: Value) throws -> Value {
    let it = try getIter(source)
    guard let ch = f.generator else {
        // Awaiting outside a coroutine: run to completion (used by asyncio.run style drivers).
        if case .object(let g as PyGenerator) = it {
            while try g.resume(.none) != nil {}
            return g.takeReturnValue()
        }
        while try nextValue(it) != nil {}
        return .none
    }
    if case .object(let g as PyGenerator) = it {
        var toSend: Value = .none
        var pendingThrow: PyError? = nil
        while true {
            let r: Value?
            if let pt = pendingThrow { pendingThrow = nil; r = try g.throwIn(pt) } else { r = try g.resume(toSend) }
            guard let y = r else { return g.takeReturnValue() }
            do { toSend = try ch.yieldValue(y) } catch let e as PyError {
                if e.exception.cls === generatorExitType { try g.close(); throw e }
                pendingThrow = e
            }
        }
    }
    // Any other iterator, driven the way MicroPython resumes a delegate: __next__ for None,
    // its send() for other values, its throw() (or close() for GeneratorExit) for exceptions.
    let isUserObject = it.asObject is PyInstance
    var sent: Value = .none
    var thrown: PyError? = nil
    while true {
        let y: Value
        do {
            if let t = thrown {
                thrown = nil
                if t.exception.cls.isSubclass(of: generatorExitType) {
                    if isUserObject, (try? getAttr(it, "close")) != nil { _ = try callMethod(it, "close", []) }
                    throw t
                }
                guard isUserObject, (try? getAttr(it, "throw")) != nil else { throw t }
                y = try callMethod(it, "throw", [t.thrown ?? .object(t.exception)])
            } else if isUserObject {
                y = try callMethod(it, sent.isNone ? "__next__" : "send", sent.isNone ? [] : [sent])
            } else {
                guard let v = try nextValue(it) else { return .none }
                y = v
            }
        } catch let e as PyError where e.exception.cls.isSubclass(of: stopIterationType) {
            return e.exception.stopValue
        }
        do { sent = try ch.yieldValue(y) } catch let e as PyError { thrown = e }
    }
}
