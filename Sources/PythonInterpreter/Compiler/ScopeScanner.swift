/// Syntactic facts about one scope: what it binds, reads and declares, and which names its
/// nested scopes need from outside (so this scope knows which locals must live in cells).
struct ScopeFacts {
    var assigned: Set<String> = []
    var used: Set<String> = []
    var globals: Set<String> = []
    var nonlocals: Set<String> = []
    var childFree: Set<String> = []
    var usesSuperOrClass = false
}

/// Walks statements of one scope without entering nested function/class/comprehension bodies
/// (their free names are folded into `childFree`).
struct ScopeScanner {
    var facts = ScopeFacts()
    /// In a comprehension, `:=` binds in the nearest enclosing non-comprehension scope, so its
    /// targets are recorded as nonlocal here (global when that scope is the module).
    var inComprehension = false

    static func scanFunction(_ fn: FunctionDef) -> ScopeFacts {
        var s = ScopeScanner()
        s.inComprehension = fn.compKind != nil
        for p in fn.params { s.facts.assigned.insert(p.name) }
        if let v = fn.varargs { s.facts.assigned.insert(v) }
        if let k = fn.kwargs { s.facts.assigned.insert(k) }
        s.stmts(fn.body)
        return s.facts
    }

    static func scanClass(_ cd: ClassDef) -> ScopeFacts {
        var s = ScopeScanner()
        s.stmts(cd.body)
        return s.facts
    }

    static func scanModule(_ body: [Stmt]) -> ScopeFacts {
        var s = ScopeScanner()
        s.stmts(body)
        return s.facts
    }

    /// Names a function needs from enclosing scopes.
    static func freeNames(_ fn: FunctionDef) -> Set<String> {
        let f = scanFunction(fn)
        var free = f.used.union(f.childFree).subtracting(f.assigned).union(f.nonlocals)
        free.subtract(f.globals)
        if f.usesSuperOrClass { free.insert("__class__") }
        return free
    }

    static func freeNames(_ cd: ClassDef) -> Set<String> {
        let f = scanClass(cd)
        return f.used.subtracting(f.assigned).union(f.childFree).union(f.nonlocals).subtracting(f.globals)
    }

    mutating func stmts(_ list: [Stmt]) { for s in list { stmt(s) } }

    mutating func bind(_ target: Expr) {
        switch target {
        case .name(let n): facts.assigned.insert(n)
        case .tuple(let items), .list(let items): for i in items { bind(i) }
        case .starred(let e): bind(e)
        default: expr(target)
        }
    }

    mutating func stmt(_ s: Stmt) {
        switch s.kind {
        case .expr(let e): expr(e)
        case .assign(let targets, let v): for t in targets { bind(t) }; expr(v)
        case .augAssign(let t, _, let v):
            if case .name(let n) = t { facts.assigned.insert(n); facts.used.insert(n) } else { expr(t) }
            expr(v)
        case .annAssign(let t, let v):
            // a bare annotation of a name still makes it local to a function
            if let v { bind(t); expr(v) } else if case .name(let n) = t { facts.assigned.insert(n) } else { expr(t) }
        case .pass, .breakLoop, .continueLoop: break
        case .returnValue(let e): if let e { expr(e) }
        case .raise(let e, let c): if let e { expr(e) }; if let c { expr(c) }
        case .global(let names): facts.globals.formUnion(names)
        case .nonlocal(let names): facts.nonlocals.formUnion(names)
        case .del(let targets): for t in targets { bind(t) }
        case .assert(let t, let m): expr(t); if let m { expr(m) }
        case .ifStmt(let c, let b, let o): expr(c); stmts(b); stmts(o)
        case .whileLoop(let c, let b, let o): expr(c); stmts(b); stmts(o)
        case .forLoop(let t, let i, let b, let o, _): bind(t); expr(i); stmts(b); stmts(o)
        case .tryStmt(let b, let hs, let o, let f):
            stmts(b)
            for h in hs {
                if let t = h.type { expr(t) }
                if let n = h.name { facts.assigned.insert(n) }
                stmts(h.body)
            }
            stmts(o); stmts(f)
        case .with(let items, let b, _):
            for i in items { expr(i.context); if let t = i.target { bind(t) } }
            stmts(b)
        case .functionDef(let fn):
            facts.assigned.insert(fn.name)
            for d in fn.decorators { expr(d) }
            functionHeader(fn)
            facts.childFree.formUnion(ScopeScanner.freeNames(fn))
        case .classDef(let cd):
            facts.assigned.insert(cd.name)
            for d in cd.decorators { expr(d) }
            for b in cd.bases { expr(b.value) }
            facts.childFree.formUnion(ScopeScanner.freeNames(cd))
        case .importModules(let names):
            for n in names { facts.assigned.insert(n.asName ?? String(n.name.split(separator: ".").first ?? "")) }
        case .importFrom(_, _, let names):
            for n in names where n.name != "*" { facts.assigned.insert(n.asName ?? n.name) }
        }
    }

    mutating func functionHeader(_ fn: FunctionDef) {
        for p in fn.params { if let d = p.defaultValue { expr(d) } }
    }

    mutating func expr(_ e: Expr) {
        switch e {
        case .name(let n): facts.used.insert(n)
        case .constant: break
        case .fstring(let pieces): fpieces(pieces)
        case .tuple(let items), .list(let items), .set(let items): for i in items { expr(i) }
        case .dict(let pairs): for (k, v) in pairs { if let k { expr(k) }; expr(v) }
        case .starred(let x): expr(x)
        case .attribute(let x, _): expr(x)
        case .subscr(let x, let k): expr(x); expr(k)
        case .slice(let a, let b, let c): if let a { expr(a) }; if let b { expr(b) }; if let c { expr(c) }
        case .call(let f, let args):
            expr(f)
            if case .name("super") = f, args.isEmpty { facts.usesSuperOrClass = true }
            for a in args { expr(a.value) }
        case .unary(_, let x): expr(x)
        case .binary(_, let a, let b): expr(a); expr(b)
        case .boolOp(_, let items): for i in items { expr(i) }
        case .compare(let a, let rest): expr(a); for (_, x) in rest { expr(x) }
        case .ifExp(let a, let b, let c): expr(a); expr(b); expr(c)
        case .lambda(let fn):
            functionHeader(fn)
            facts.childFree.formUnion(ScopeScanner.freeNames(fn))
        case .comprehension(_, let fn, let iter):
            expr(iter)
            facts.childFree.formUnion(ScopeScanner.freeNames(fn))
            // walrus targets inside a comprehension bind here (MicroPython binds them one scope
            // out, even when this scope is itself a comprehension)
            facts.assigned.formUnion(ScopeScanner.scanFunction(fn).nonlocals)
        case .compAdd(_, let a, let b): expr(a); if let b { expr(b) }
        case .yield(let x): if let x { expr(x) }
        case .yieldFrom(let x), .await(let x): expr(x)
        case .namedExpr(let n, let x): walrusTarget(n); expr(x)
        }
    }

    private mutating func walrusTarget(_ n: String) {
        if inComprehension { facts.nonlocals.insert(n) } else { facts.assigned.insert(n) }
    }

    private mutating func fpieces(_ pieces: [FStringPiece]) {
        for p in pieces {
            if case .value(let e, _, let spec) = p {
                expr(e)
                if let spec { fpieces(spec) }
            }
        }
    }
}
