import Foundation

/// Recursive-descent parser for the Python 3 grammar MicroPython accepts.
struct Parser {
    private var tokens: [Token]
    private var p = 0
    private var functionStack: [FunctionDef] = []

    init(tokens: [Token]) { self.tokens = tokens }

    static func parse(_ source: String) throws -> [Stmt] {
        var lexer = Lexer(source)
        var parser = Parser(tokens: try lexer.tokenize())
        return try parser.parseModule()
    }

    static func parseExpression(_ source: String) throws -> Expr {
        var lexer = Lexer(source)
        var toks = try lexer.tokenize()
        toks.removeAll { $0.kind == .indent || $0.kind == .dedent }
        var parser = Parser(tokens: toks)
        while parser.peek.kind == .newline { parser.p += 1 }
        let e = try parser.parseTestListStarExpr()
        while parser.peek.kind == .newline { parser.p += 1 }
        guard parser.peek.kind == .eof else { throw parser.error() }
        return e
    }

    // MARK: token helpers
    private var peek: Token { tokens[p] }
    private var line: Int { tokens[p].line }
    private func peekOp(_ s: String) -> Bool { if case .op(let o) = tokens[p].kind { return o == s }; return false }
    private func peekName(_ s: String) -> Bool { if case .name(let n) = tokens[p].kind { return n == s }; return false }
    private func peekOp(at offset: Int, _ s: String) -> Bool {
        guard p + offset < tokens.count else { return false }
        if case .op(let o) = tokens[p + offset].kind { return o == s }
        return false
    }
    private mutating func acceptOp(_ s: String) -> Bool { if peekOp(s) { p += 1; return true }; return false }
    private mutating func acceptName(_ s: String) -> Bool { if peekName(s) { p += 1; return true }; return false }
    private mutating func expectOp(_ s: String) throws { guard acceptOp(s) else { throw error() } }
    private mutating func expectName(_ s: String) throws { guard acceptName(s) else { throw error() } }
    private func error(_ msg: String = "invalid syntax") -> SyntaxErrorInfo { SyntaxErrorInfo(message: msg, line: line) }

    static let keywords: Set<String> = ["False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield"]

    private mutating func identifier() throws -> String {
        if case .name(let n) = peek.kind, !Parser.keywords.contains(n) { p += 1; return n }
        throw error()
    }

    // MARK: statements
    mutating func parseModule() throws -> [Stmt] {
        var body: [Stmt] = []
        while peek.kind != .eof {
            if peek.kind == .newline { p += 1; continue }
            if peek.kind == .indent { throw SyntaxErrorInfo(message: "unexpected indent", line: line, typeName: "IndentationError") }
            body.append(contentsOf: try parseStatement())
        }
        return body
    }

    private mutating func parseBlock() throws -> [Stmt] {
        try expectOp(":")
        if peek.kind != .newline {
            return try parseSimpleStatements()
        }
        p += 1
        guard peek.kind == .indent else { throw SyntaxErrorInfo(message: "invalid syntax", line: line) }
        p += 1
        var body: [Stmt] = []
        while peek.kind != .dedent && peek.kind != .eof {
            if peek.kind == .newline { p += 1; continue }
            if peek.kind == .indent { throw SyntaxErrorInfo(message: "unexpected indent", line: line, typeName: "IndentationError") }
            body.append(contentsOf: try parseStatement())
        }
        if peek.kind == .dedent { p += 1 }
        return body
    }

    private mutating func parseStatement() throws -> [Stmt] {
        let ln = line
        if case .name(let kw) = peek.kind {
            switch kw {
            case "if": p += 1; return [try parseIf(ln)]
            case "while":
                p += 1
                let cond = try parseNamedExprTest()
                let body = try parseBlock()
                var orelse: [Stmt] = []
                if acceptName("else") { orelse = try parseBlock() }
                return [Stmt(kind: .whileLoop(cond, body, orelse), line: ln)]
            case "for": p += 1; return [try parseFor(ln, isAsync: false)]
            case "try": p += 1; return [try parseTry(ln)]
            case "with": p += 1; return [try parseWith(ln, isAsync: false)]
            case "def": p += 1; return [try parseDef(ln, decorators: [], isAsync: false)]
            case "class": p += 1; return [try parseClass(ln, decorators: [])]
            case "async":
                p += 1
                if acceptName("def") { return [try parseDef(ln, decorators: [], isAsync: true)] }
                if acceptName("for") { return [try parseFor(ln, isAsync: true)] }
                if acceptName("with") { return [try parseWith(ln, isAsync: true)] }
                throw error()
            default: break
            }
        }
        if peekOp("@") {
            var decorators: [Expr] = []
            while acceptOp("@") {
                decorators.append(try parseNamedExprTest())
                guard peek.kind == .newline else { throw error() }
                p += 1
            }
            let l2 = line
            if acceptName("def") { return [try parseDef(l2, decorators: decorators, isAsync: false)] }
            if acceptName("async") { try expectName("def"); return [try parseDef(l2, decorators: decorators, isAsync: true)] }
            if acceptName("class") { return [try parseClass(l2, decorators: decorators)] }
            throw error()
        }
        return try parseSimpleStatements()
    }

    private mutating func parseSimpleStatements() throws -> [Stmt] {
        var out: [Stmt] = []
        while true {
            out.append(try parseSmallStatement())
            if acceptOp(";") {
                if peek.kind == .newline || peek.kind == .eof { break }
                continue
            }
            break
        }
        if peek.kind == .newline { p += 1 } else if peek.kind != .eof && peek.kind != .dedent { throw error() }
        return out
    }

    private mutating func parseSmallStatement() throws -> Stmt {
        let ln = line
        if case .name(let kw) = peek.kind {
            switch kw {
            case "pass": p += 1; return Stmt(kind: .pass, line: ln)
            case "break": p += 1; return Stmt(kind: .breakLoop, line: ln)
            case "continue": p += 1; return Stmt(kind: .continueLoop, line: ln)
            case "return":
                p += 1
                if atStatementEnd { return Stmt(kind: .returnValue(nil), line: ln) }
                return Stmt(kind: .returnValue(try parseTestListStarExpr()), line: ln)
            case "raise":
                p += 1
                if atStatementEnd { return Stmt(kind: .raise(nil, nil), line: ln) }
                let e = try parseTest()
                var cause: Expr? = nil
                if acceptName("from") { cause = try parseTest() }
                return Stmt(kind: .raise(e, cause), line: ln)
            case "global", "nonlocal":
                p += 1
                var names = [try identifier()]
                while acceptOp(",") { names.append(try identifier()) }
                return Stmt(kind: kw == "global" ? .global(names) : .nonlocal(names), line: ln)
            case "del":
                p += 1
                var targets = [try parseExprOrStar()]
                while acceptOp(",") { if atStatementEnd { break }; targets.append(try parseExprOrStar()) }
                for t in targets { try checkDeletable(t) }
                return Stmt(kind: .del(targets), line: ln)
            case "assert":
                p += 1
                let t = try parseTest()
                var msg: Expr? = nil
                if acceptOp(",") { msg = try parseTest() }
                return Stmt(kind: .assert(t, msg), line: ln)
            case "import":
                p += 1
                var names: [ImportName] = []
                repeat {
                    let n = try dottedName()
                    var asName: String? = nil
                    if acceptName("as") { asName = try identifier() }
                    names.append(ImportName(name: n, asName: asName))
                } while acceptOp(",")
                return Stmt(kind: .importModules(names), line: ln)
            case "from":
                p += 1
                var level = 0
                while true {
                    if acceptOp(".") { level += 1 } else if acceptOp("...") { level += 3 } else { break }
                }
                var module = ""
                if !peekName("import") { module = try dottedName() }
                try expectName("import")
                if acceptOp("*") { return Stmt(kind: .importFrom(module, level: level, [ImportName(name: "*", asName: nil)]), line: ln) }
                let paren = acceptOp("(")
                var names: [ImportName] = []
                repeat {
                    if paren && peekOp(")") { break }
                    let n = try identifier()
                    var asName: String? = nil
                    if acceptName("as") { asName = try identifier() }
                    names.append(ImportName(name: n, asName: asName))
                } while acceptOp(",")
                if paren { try expectOp(")") }
                return Stmt(kind: .importFrom(module, level: level, names), line: ln)
            default: break
            }
        }
        // expression statement / assignment
        let first = peekName("yield") ? try parseYield() : try parseTestListStarExpr()
        if acceptOp(":") {
            let ann = try parseTest()
            _ = ann
            var value: Expr? = nil
            if acceptOp("=") { value = try parseYieldOrTestList() }
            try checkAssignable(first)
            return Stmt(kind: .annAssign(first, value), line: ln)
        }
        if case .op(let o) = peek.kind, o.count >= 2, o.hasSuffix("="), !["==", "<=", ">=", "!="].contains(o) {
            p += 1
            try checkAugTarget(first)
            let value = try parseYieldOrTestList()
            return Stmt(kind: .augAssign(first, String(o.dropLast()), value), line: ln)
        }
        if peekOp("=") {
            var targets = [first]
            var value = first
            while acceptOp("=") {
                value = try parseYieldOrTestList()
                targets.append(value)
            }
            targets.removeLast()
            for t in targets { try checkAssignable(t) }
            return Stmt(kind: .assign(targets, value), line: ln)
        }
        return Stmt(kind: .expr(first), line: ln)
    }

    private func checkDeletable(_ e: Expr) throws {
        switch e {
        case .name, .attribute, .subscr: return
        case .tuple(let items) where !items.isEmpty: for i in items { try checkDeletable(i) }
        case .list(let items): for i in items { try checkDeletable(i) }
        default: throw SyntaxErrorInfo(message: "can't delete expression", line: line, scope: "<module>")
        }
    }

    private func checkAugTarget(_ e: Expr) throws {
        switch e {
        case .name, .attribute, .subscr: return
        default: throw SyntaxErrorInfo(message: "illegal expression for augmented assignment", line: line)
        }
    }

    private func checkAssignable(_ e: Expr) throws {
        switch e {
        case .name, .attribute, .subscr: return
        case .tuple(let items) where items.isEmpty:
            throw SyntaxErrorInfo(message: "can't assign to expression", line: line, scope: "<module>")
        case .tuple(let items), .list(let items):
            if items.filter({ if case .starred = $0 { return true }; return false }).count > 1 {
                throw SyntaxErrorInfo(message: "multiple *x in assignment", line: line, scope: "<module>")
            }
            for i in items { try checkAssignable(i) }
        case .starred(let inner): try checkAssignable(inner)
        default: throw SyntaxErrorInfo(message: "can't assign to expression", line: line, scope: "<module>")
        }
    }

    private var atStatementEnd: Bool {
        peek.kind == .newline || peek.kind == .eof || peekOp(";") || peek.kind == .dedent
    }

    private mutating func dottedName() throws -> String {
        var n = try identifier()
        while acceptOp(".") { n += "." + (try identifier()) }
        return n
    }

    private mutating func parseIf(_ ln: Int) throws -> Stmt {
        let cond = try parseNamedExprTest()
        let body = try parseBlock()
        var orelse: [Stmt] = []
        let l2 = line
        if acceptName("elif") { orelse = [try parseIf(l2)] } else if acceptName("else") { orelse = try parseBlock() }
        return Stmt(kind: .ifStmt(cond, body, orelse), line: ln)
    }

    private mutating func parseFor(_ ln: Int, isAsync: Bool) throws -> Stmt {
        let target = try parseTargetList()
        try expectName("in")
        let iter = try parseTestListStarExpr()
        let body = try parseBlock()
        var orelse: [Stmt] = []
        if acceptName("else") { orelse = try parseBlock() }
        return Stmt(kind: .forLoop(target, iter, body, orelse, isAsync: isAsync), line: ln)
    }

    private mutating func parseTargetList() throws -> Expr {
        var items = [try parseExprOrStar()]
        var trailing = false
        while acceptOp(",") {
            if peekName("in") || peekOp("=") { trailing = true; break }
            items.append(try parseExprOrStar())
        }
        let t: Expr = items.count == 1 && !trailing ? items[0] : .tuple(items)
        try checkAssignable(t)
        return t
    }

    private mutating func parseTry(_ ln: Int) throws -> Stmt {
        let body = try parseBlock()
        var handlers: [ExceptHandler] = []
        while peekName("except") {
            let hl = line
            p += 1
            var type: Expr? = nil
            var name: String? = nil
            if let last = handlers.last, last.type == nil {
                throw SyntaxErrorInfo(message: "default 'except' must be last", line: hl)
            }
            if !peekOp(":") {
                type = try parseTest()
                if acceptName("as") { name = try identifier() } else if acceptOp(",") { throw error() }
            }
            handlers.append(ExceptHandler(type: type, name: name, body: try parseBlock(), line: hl))
        }
        var orelse: [Stmt] = []
        var final: [Stmt] = []
        if acceptName("else") { orelse = try parseBlock() }
        if acceptName("finally") { final = try parseBlock() }
        if handlers.isEmpty && final.isEmpty { throw error() }
        return Stmt(kind: .tryStmt(body, handlers, orelse, final), line: ln)
    }

    private mutating func parseWith(_ ln: Int, isAsync: Bool) throws -> Stmt {
        var items: [WithItem] = []
        let paren = peekOp("(") && withHasParenthesizedItems()
        if paren { p += 1 }
        repeat {
            if paren && peekOp(")") { break }
            let ctx = try parseTest()
            var target: Expr? = nil
            if acceptName("as") { target = try parseExpr(); try checkAssignable(target!) }
            items.append(WithItem(context: ctx, target: target))
        } while acceptOp(",")
        if paren { try expectOp(")") }
        return Stmt(kind: .with(items, try parseBlock(), isAsync: isAsync), line: ln)
    }

    private func withHasParenthesizedItems() -> Bool {
        // `with (a as b, c):` — look for `as` at depth 1 before the matching ')'
        var depth = 0
        var i = p
        while i < tokens.count {
            switch tokens[i].kind {
            case .op(let o):
                if o == "(" || o == "[" || o == "{" { depth += 1 }
                if o == ")" || o == "]" || o == "}" { depth -= 1; if depth == 0 { return i + 1 < tokens.count && tokens[i + 1].kind == .op(":") && false } }
            case .name("as") where depth == 1: return true
            case .newline, .eof: return false
            default: break
            }
            i += 1
        }
        return false
    }

    private mutating func parseDef(_ ln: Int, decorators: [Expr], isAsync: Bool) throws -> Stmt {
        let name = try identifier()
        let fn = FunctionDef(name: name, line: ln)
        fn.decorators = decorators
        fn.isAsync = isAsync
        try expectOp("(")
        try parseParams(fn, closing: ")")
        try expectOp(")")
        if acceptOp("->") { _ = try parseTest() }
        functionStack.append(fn)
        fn.body = try parseBlock()
        functionStack.removeLast()
        return Stmt(kind: .functionDef(fn), line: ln)
    }

    private mutating func parseParams(_ fn: FunctionDef, closing: String) throws {
        var sawStar = false
        var kwonly: Int? = nil
        var sawDefault = false
        var names = Set<String>()
        func add(_ n: String) throws {
            if names.contains(n) { throw SyntaxErrorInfo(message: "argument name reused", line: line, scope: fn.name) }
            names.insert(n)
        }
        while !peekOp(closing) {
            if acceptOp("**") {
                let n = try identifier(); try add(n)
                fn.kwargs = n
                if closing == ")" && acceptOp(":") { _ = try parseTest() }
                _ = acceptOp(",")
                break
            }
            if acceptOp("*") {
                if sawStar { throw error() }
                sawStar = true
                kwonly = fn.params.count
                if !peekOp(",") && !peekOp(closing) {
                    let n = try identifier(); try add(n)
                    fn.varargs = n
                    if closing == ")" && acceptOp(":") { _ = try parseTest() }
                }
            } else if acceptOp("/") {
                // positional-only marker: accepted, treated as ordinary params
            } else {
                let n = try identifier(); try add(n)
                if closing == ")" && acceptOp(":") { _ = try parseTest() }
                var def: Expr? = nil
                if acceptOp("=") { def = try parseTest(); sawDefault = true } else if sawDefault && kwonly == nil {
                    throw SyntaxErrorInfo(message: "non-default argument follows default argument", line: line, scope: "<module>")
                }
                fn.params.append(Parameter(name: n, defaultValue: def))
            }
            if !acceptOp(",") { break }
        }
        fn.kwonlyStart = kwonly ?? fn.params.count
    }

    private mutating func parseClass(_ ln: Int, decorators: [Expr]) throws -> Stmt {
        let cd = ClassDef(name: try identifier(), line: ln)
        cd.decorators = decorators
        if acceptOp("(") {
            cd.bases = try parseCallArguments()
        }
        functionStack.append(FunctionDef(name: cd.name, line: ln))
        cd.body = try parseBlock()
        functionStack.removeLast()
        return Stmt(kind: .classDef(cd), line: ln)
    }

    // MARK: expressions
    mutating func parseTestListStarExpr() throws -> Expr {
        let first = try parseNamedExprOrStar()
        if !peekOp(",") { return first }
        var items = [first]
        while acceptOp(",") {
            if atExprListEnd { break }
            items.append(try parseNamedExprOrStar())
        }
        return .tuple(items)
    }

    private var atExprListEnd: Bool {
        if atStatementEnd { return true }
        if case .op(let o) = peek.kind { return [")", "]", "}", "=", ":"].contains(o) || (o.count >= 2 && o.hasSuffix("=") && !["==", "<=", ">=", "!="].contains(o)) }
        if peekName("in") { return true }
        return false
    }

    private mutating func parseYieldOrTestList() throws -> Expr {
        if peekName("yield") { return try parseYield() }
        return try parseTestListStarExpr()
    }

    private mutating func parseYield() throws -> Expr {
        try expectName("yield")
        functionStack.last?.isGenerator = true
        if acceptName("from") { return .yieldFrom(try parseTest()) }
        if atStatementEnd || peekOp(")") || peekOp("]") || peekOp("}") || peekOp("=") { return .yield(nil) }
        return .yield(try parseTestListStarExpr())
    }

    private mutating func parseNamedExprOrStar() throws -> Expr {
        if acceptOp("*") { return .starred(try parseExpr()) }
        return try parseNamedExprTest()
    }

    private mutating func parseExprOrStar() throws -> Expr {
        if acceptOp("*") { return .starred(try parseExpr()) }
        return try parseExpr()
    }

    mutating func parseNamedExprTest() throws -> Expr {
        if case .name(let n) = peek.kind, peekOp(at: 1, ":=") {
            p += 2
            return .namedExpr(n, try parseTest())
        }
        return try parseTest()
    }

    mutating func parseTest() throws -> Expr {
        if peekName("lambda") { return try parseLambda(noCond: false) }
        let e = try parseOrTest()
        if acceptName("if") {
            let cond = try parseOrTest()
            try expectName("else")
            let other = try parseTest()
            return .ifExp(cond, e, other)
        }
        return e
    }

    private mutating func parseTestNoCond() throws -> Expr {
        if peekName("lambda") { return try parseLambda(noCond: true) }
        return try parseOrTest()
    }

    private mutating func parseLambda(noCond: Bool) throws -> Expr {
        let ln = line
        try expectName("lambda")
        let fn = FunctionDef(name: "<lambda>", line: ln)
        fn.isLambda = true
        try parseParams(fn, closing: ":")
        try expectOp(":")
        functionStack.append(fn)
        let body = noCond ? try parseTestNoCond() : try parseTest()
        functionStack.removeLast()
        fn.body = [Stmt(kind: .returnValue(body), line: ln)]
        return .lambda(fn)
    }

    private mutating func parseOrTest() throws -> Expr {
        let first = try parseAndTest()
        guard peekName("or") else { return first }
        var items = [first]
        while acceptName("or") { items.append(try parseAndTest()) }
        return .boolOp(isAnd: false, items)
    }

    private mutating func parseAndTest() throws -> Expr {
        let first = try parseNotTest()
        guard peekName("and") else { return first }
        var items = [first]
        while acceptName("and") { items.append(try parseNotTest()) }
        return .boolOp(isAnd: true, items)
    }

    private mutating func parseNotTest() throws -> Expr {
        if acceptName("not") { return .unary("not", try parseNotTest()) }
        return try parseComparison()
    }

    private mutating func parseComparison() throws -> Expr {
        let first = try parseExpr()
        var ops: [(String, Expr)] = []
        while true {
            var op: String? = nil
            if case .op(let o) = peek.kind, ["<", ">", "==", ">=", "<=", "!="].contains(o) { op = o; p += 1 }
            else if acceptName("in") { op = "in" }
            else if peekName("not") && p + 1 < tokens.count && tokens[p + 1].kind == .name("in") { p += 2; op = "not in" }
            else if acceptName("is") { op = acceptName("not") ? "is not" : "is" }
            guard let o = op else { break }
            ops.append((o, try parseExpr()))
        }
        return ops.isEmpty ? first : .compare(first, ops)
    }

    mutating func parseExpr() throws -> Expr { try parseBinary(level: 0) }

    private static let levels: [[String]] = [["|"], ["^"], ["&"], ["<<", ">>"], ["+", "-"], ["*", "/", "//", "%", "@"]]

    private mutating func parseBinary(level: Int) throws -> Expr {
        if level == Parser.levels.count { return try parseFactor() }
        var left = try parseBinary(level: level + 1)
        while case .op(let o) = peek.kind, Parser.levels[level].contains(o) {
            p += 1
            let right = try parseBinary(level: level + 1)
            left = .binary(o, left, right)
        }
        return left
    }

    private mutating func parseFactor() throws -> Expr {
        if case .op(let o) = peek.kind, o == "-" || o == "+" || o == "~" {
            p += 1
            let operand = try parseFactor()
            if o == "-", case .constant(let c) = operand {
                switch c {
                case .int(let i) where i != Int.min: return .constant(.int(-i))
                case .float(let f): return .constant(.float(-f))
                default: break
                }
            }
            return .unary(o, operand)
        }
        return try parsePower()
    }

    private mutating func parsePower() throws -> Expr {
        var base: Expr
        if peekName("await") {
            p += 1
            base = .await(try parseAtomExpr())
        } else {
            base = try parseAtomExpr()
        }
        if acceptOp("**") {
            let exp = try parseFactor()
            base = .binary("**", base, exp)
        }
        return base
    }

    private mutating func parseAtomExpr() throws -> Expr {
        var e = try parseAtom()
        while true {
            if acceptOp("(") {
                e = .call(e, try parseCallArguments())
            } else if acceptOp("[") {
                e = .subscr(e, try parseSubscriptList())
                try expectOp("]")
            } else if acceptOp(".") {
                e = .attribute(e, try identifier())
            } else { break }
        }
        return e
    }

    private mutating func parseCallArguments() throws -> [Argument] {
        var args: [Argument] = []
        var sawKeyword = false
        while !peekOp(")") {
            if acceptOp("**") {
                args.append(Argument(kind: .doubleStar, value: try parseTest())); sawKeyword = true
            } else if acceptOp("*") {
                // MicroPython rejects *args after any keyword argument
                if sawKeyword { throw SyntaxErrorInfo(message: "* arg after kwarg", line: line, scope: "<module>") }
                args.append(Argument(kind: .star, value: try parseTest()))
            } else if case .name(let n) = peek.kind, peekOp(at: 1, "="), !Parser.keywords.contains(n) {
                p += 2
                args.append(Argument(kind: .keyword(n), value: try parseTest())); sawKeyword = true
            } else {
                var v = try parseNamedExprTest()
                if peekName("for") || peekName("async") {
                    v = makeComp(.generator, v, nil, try parseComprehensionClauses())
                }
                if sawKeyword { throw SyntaxErrorInfo(message: "positional arg after keyword arg", line: line, scope: "<module>") }
                args.append(Argument(kind: .positional, value: v))
            }
            if !acceptOp(",") { break }
        }
        try expectOp(")")
        return args
    }

    private mutating func parseSubscriptList() throws -> Expr {
        let first = try parseSubscript()
        if !peekOp(",") { return first }
        var items = [first]
        while acceptOp(",") {
            if peekOp("]") { break }
            items.append(try parseSubscript())
        }
        return .tuple(items)
    }

    private mutating func parseSubscript() throws -> Expr {
        var lower: Expr? = nil
        if !peekOp(":") {
            lower = try parseNamedExprOrStar()
            if !peekOp(":") { return lower! }
        }
        try expectOp(":")
        var upper: Expr? = nil, step: Expr? = nil
        if !peekOp("]") && !peekOp(":") && !peekOp(",") { upper = try parseTest() }
        if acceptOp(":") {
            if !peekOp("]") && !peekOp(",") { step = try parseTest() }
        }
        return .slice(lower, upper, step)
    }

    private func makeComp(_ kind: CompKind, _ elt: Expr, _ value: Expr?, _ clauses: [Comprehension]) -> Expr {
        let ln = line
        let names: [CompKind: String] = [.list: "<listcomp>", .set: "<setcomp>", .dict: "<dictcomp>", .generator: "<genexpr>"]
        let fn = FunctionDef(name: names[kind]!, line: ln)
        fn.params = [Parameter(name: ".0", defaultValue: nil)]
        fn.kwonlyStart = 1
        var inner = Stmt(kind: .expr(kind == .generator ? .yield(elt) : .compAdd(kind, elt, value)), line: ln)
        for (i, clause) in clauses.enumerated().reversed() {
            for cond in clause.conditions.reversed() { inner = Stmt(kind: .ifStmt(cond, [inner], []), line: ln) }
            inner = Stmt(kind: .forLoop(clause.target, i == 0 ? .name(".0") : clause.iter, [inner], [], isAsync: false), line: ln)
        }
        fn.body = [inner]
        fn.isGenerator = kind == .generator
        fn.compKind = kind
        return .comprehension(kind, fn, clauses[0].iter)
    }

    private mutating func parseComprehensionClauses() throws -> [Comprehension] {
        var clauses: [Comprehension] = []
        while peekName("for") || peekName("async") {
            let isAsync = acceptName("async")
            try expectName("for")
            let target = try parseTargetList()
            try expectName("in")
            let iter = try parseOrTest()
            var conds: [Expr] = []
            while peekName("if") {
                p += 1
                conds.append(try parseTestNoCond())
            }
            clauses.append(Comprehension(target: target, iter: iter, conditions: conds, isAsync: isAsync))
        }
        return clauses
    }

    private mutating func parseAtom() throws -> Expr {
        let tok = peek
        switch tok.kind {
        case .name(let n):
            switch n {
            case "None": p += 1; return .constant(.none)
            case "True": p += 1; return .constant(.bool(true))
            case "False": p += 1; return .constant(.bool(false))
            default:
                if Parser.keywords.contains(n) { throw error() }
                p += 1
                return .name(n)
            }
        case .int(let text):
            p += 1
            return .constant(Parser.intConstant(text))
        case .float(let d): p += 1; return .constant(.float(d))
        case .imaginary(let d): p += 1; return .constant(.imaginary(d))
        case .string, .bytes, .fstring:
            return try parseStrings()
        case .op(let o):
            switch o {
            case "(":
                p += 1
                if acceptOp(")") { return .tuple([]) }
                if peekName("yield") { let y = try parseYield(); try expectOp(")"); return y }
                let first = try parseNamedExprOrStar()
                if peekName("for") || peekName("async") {
                    let g = makeComp(.generator, first, nil, try parseComprehensionClauses())
                    try expectOp(")")
                    return g
                }
                if acceptOp(")") {
                    if case .starred = first { throw error() }
                    return first
                }
                var items = [first]
                while acceptOp(",") {
                    if peekOp(")") { break }
                    items.append(try parseNamedExprOrStar())
                }
                try expectOp(")")
                return .tuple(items)
            case "[":
                p += 1
                if acceptOp("]") { return .list([]) }
                let first = try parseNamedExprOrStar()
                if peekName("for") || peekName("async") {
                    let c = makeComp(.list, first, nil, try parseComprehensionClauses())
                    try expectOp("]")
                    return c
                }
                var items = [first]
                while acceptOp(",") {
                    if peekOp("]") { break }
                    items.append(try parseNamedExprOrStar())
                }
                try expectOp("]")
                return .list(items)
            case "{":
                p += 1
                if acceptOp("}") { return .dict([]) }
                if acceptOp("**") {
                    var pairs: [(Expr?, Expr)] = [(nil, try parseExpr())]
                    try parseDictRest(&pairs)
                    return .dict(pairs)
                }
                let first = try parseNamedExprOrStar()
                if acceptOp(":") {
                    let v = try parseTest()
                    if peekName("for") || peekName("async") {
                        let c = makeComp(.dict, first, v, try parseComprehensionClauses())
                        try expectOp("}")
                        return c
                    }
                    var pairs: [(Expr?, Expr)] = [(first, v)]
                    try parseDictRest(&pairs)
                    return .dict(pairs)
                }
                if peekName("for") || peekName("async") {
                    let c = makeComp(.set, first, nil, try parseComprehensionClauses())
                    try expectOp("}")
                    return c
                }
                var items = [first]
                while acceptOp(",") {
                    if peekOp("}") { break }
                    items.append(try parseNamedExprOrStar())
                }
                try expectOp("}")
                return .set(items)
            case "...": p += 1; return .constant(.ellipsis)
            default: throw error()
            }
        default:
            throw error()
        }
    }

    private mutating func parseDictRest(_ pairs: inout [(Expr?, Expr)]) throws {
        while acceptOp(",") {
            if peekOp("}") { break }
            if acceptOp("**") { pairs.append((nil, try parseExpr())); continue }
            let k = try parseTest()
            try expectOp(":")
            pairs.append((k, try parseTest()))
        }
        try expectOp("}")
    }

    static func intConstant(_ text: String) -> Constant {
        var t = text.lowercased()
        var radix = 10
        if t.hasPrefix("0x") { radix = 16; t.removeFirst(2) } else if t.hasPrefix("0o") { radix = 8; t.removeFirst(2) } else if t.hasPrefix("0b") { radix = 2; t.removeFirst(2) }
        if let v = Int(t, radix: radix) { return .int(v) }
        return .bigint(radix == 10 ? t : "\(radix):\(t)")
    }

    private mutating func parseStrings() throws -> Expr {
        var pieces: [FStringPiece] = []
        var isBytes: Bool? = nil
        var bytes: [UInt8] = []
        var hasF = false
        while true {
            switch peek.kind {
            case .string(let s):
                if isBytes == true { throw error("cannot mix bytes and nonbytes literals") }
                isBytes = false
                pieces.append(.literal(s))
            case .bytes(let b):
                if isBytes == false { throw error("cannot mix bytes and nonbytes literals") }
                isBytes = true
                bytes.append(contentsOf: b)
            case .fstring(let parts):
                if isBytes == true { throw error("cannot mix bytes and nonbytes literals") }
                isBytes = false
                hasF = true
                pieces.append(contentsOf: try convertFString(parts))
            default:
                if isBytes == true { return .constant(.bytes(bytes)) }
                if !hasF {
                    var s = ""
                    for case .literal(let l) in pieces { s += l }
                    return .constant(.string(s))
                }
                return .fstring(pieces)
            }
            p += 1
        }
    }

    private func convertFString(_ parts: [FStringPart]) throws -> [FStringPiece] {
        var out: [FStringPiece] = []
        for part in parts {
            switch part {
            case .literal(let s): out.append(.literal(s))
            case .expression(let src, let conv, let spec, let debug):
                if let d = debug { out.append(.literal(d)) }
                let trimmed = src.trimmingCharacters(in: .whitespacesAndNewlines)
                if trimmed.isEmpty { throw SyntaxErrorInfo(message: "malformed f-string", line: line) }
                let e: Expr
                do { e = try Parser.parseExpression("(" + trimmed + ")") } catch { throw SyntaxErrorInfo(message: "invalid syntax", line: line) }
                out.append(.value(e, conv, try spec.map { try convertFString($0) }))
            }
        }
        return out
    }
}
