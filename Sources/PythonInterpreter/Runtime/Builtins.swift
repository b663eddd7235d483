import BigInt
import Foundation

func argCount(_ args: [Value], _ min: Int, _ max: Int, _ name: String) throws {
    if args.count < min {
        throw typeError("function missing \(min - args.count) required positional arguments")
    }
    if args.count > max {
        throw typeError("function expected at most \(max) arguments, got \(args.count)")
    }
}

func kwarg(_ kw: KwArgs, _ name: String) -> Value? { kw.first { $0.0 == name }?.1 }

extension Runtime {
    func setupBuiltins() {
        installTypeConstructors()
        let b = builtins
        for t in [objectType, typeType, intType, boolType, floatType, complexType, strType, bytesType, bytearrayType,
                  memoryviewType, listType, tupleType, dictType, setType, frozensetType, rangeType, sliceType,
                  propertyType, staticmethodType, classmethodType, superType] {
            b.setStr(t.name, .object(t))
        }
        for e in allExceptionTypes { b.setStr(e.name, .object(e)) }
        b.setStr("NotImplemented", .object(notImplemented))
        b.setStr("__debug__", .bool(true))
        b.setStr("Ellipsis", .object(ellipsis))
        b.setStr("__name__", .string("builtins"))
        func def(_ name: String, _ fn: @escaping NativeFn) { b.setStr(name, .object(PyBuiltinFunction(name, fn))) }

        def("print") { [unowned self] args, kw in
            var sep = " ", end = "\n"
            var file: Value? = nil
            for (k, v) in kw {
                switch k {
                case "sep": if !v.isNone { sep = try toStr(v) }
                case "end": if !v.isNone { end = try toStr(v) }
                case "file": if !v.isNone { file = v }
                case "flush": break
                default: throw typeError("unexpected keyword argument '\(k)'")
                }
            }
            var s = ""
            for (i, a) in args.enumerated() {
                if i > 0 { s += sep }
                s += try str(a)
            }
            s += end
            if let file {
                _ = try callMethod(file, "write", [.string(s)])
            } else {
                try self.writeOut(s)
            }
            return .none
        }
        def("len") { args, _ in
            try argCount(args, 1, 1, "len")
            // MicroPython hands back whatever a user __len__ returns, unchecked.
            if case .object(let inst as PyInstance) = args[0], inst.base == nil, let f = inst.cls.lookupUser("__len__") {
                return try callValue(f, [args[0]], [])
            }
            return .int(try length(args[0]))
        }
        def("repr") { args, _ in try argCount(args, 1, 1, "repr"); return .string(try repr(args[0])) }
        def("abs") { args, _ in
            try argCount(args, 1, 1, "abs")
            switch args[0] {
            case .int(let i): return i == Int.min ? .bigint(-BigInt(i)) : .int(abs(i))
            case .bool(let x): return .int(x ? 1 : 0)
            case .float(let d): return .float(abs(d))
            case .object(let o as PyBigInt): return .bigint(abs(o.value))
            case .object(let c as PyComplex): return .float(hypot(c.re, c.im))
            case .object(let inst as PyInstance):
                if let f = inst.cls.lookupUser("__abs__") { return try callValue(f, [args[0]], []) }
            default: break
            }
            throw typeError("unsupported type for __abs__: '\(typeName(args[0]))'")
        }
        def("isinstance") { args, _ in
            try argCount(args, 2, 2, "isinstance")
            return .bool(try isInstance(args[0], args[1]))
        }
        def("issubclass") { args, _ in
            try argCount(args, 2, 2, "issubclass")
            guard case .object(let c as PyClass) = args[0] else { throw typeError("issubclass() arg 1 must be a class") }
            return .bool(try classMatches(c, args[1]))
        }
        def("hash") { args, _ in try argCount(args, 1, 1, "hash"); return .int(try pyHash(args[0])) }
        def("id") { args, _ in
            try argCount(args, 1, 1, "id")
            switch args[0] {
            case .object(let o): return .int(Int(bitPattern: UInt(bitPattern: ObjectIdentifier(o).hashValue)) & Int.max)
            case .str(let s): return .int(ObjectIdentifier(s).hashValue & Int.max)
            case .int(let i): return .int(i &* 2 &+ 1)
            default: return .int(try pyHash(args[0]) & Int.max)
            }
        }
        def("callable") { args, _ in try argCount(args, 1, 1, "callable"); return .bool(isCallable(args[0])) }
        def("getattr") { args, _ in
            try argCount(args, 2, 3, "getattr")
            let name = try toStr(args[1])
            if args.count == 3 {
                do { return try getAttr(args[0], name) } catch let e as PyError where e.exception.cls.isSubclass(of: attributeErrorType) { return args[2] }
            }
            return try getAttr(args[0], name)
        }
        def("setattr") { args, _ in try argCount(args, 3, 3, "setattr"); try setAttr(args[0], try toStr(args[1]), args[2]); return .none }
        def("delattr") { args, _ in try argCount(args, 2, 2, "delattr"); try delAttr(args[0], try toStr(args[1])); return .none }
        def("hasattr") { args, _ in
            try argCount(args, 2, 2, "hasattr")
            do { return .bool(try lookupAttr(args[0], try toStr(args[1])) != nil) } catch let e as PyError where e.exception.cls.isSubclass(of: attributeErrorType) { return .bool(false) }
        }
        def("iter") { args, _ in
            try argCount(args, 1, 2, "iter")
            if args.count == 2 {
                let f = args[0], sentinel = args[1]
                return .object(PyNativeIterator { () -> Value? in
                    let v = try callValue(f, [], [])
                    return try pyEquals(v, sentinel) ? nil : v
                })
            }
            return try getIter(args[0])
        }
        def("next") { args, _ in
            try argCount(args, 1, 2, "next")
            if case .object(let g as PyGenerator) = args[0] {
                if let v = try g.resume(.none) { return v }
                if args.count == 2 { return args[1] }
                throw PyError(exception: makeException(stopIterationType, { let r = g.takeReturnValue(); return r.isNone ? [] : [r] }()))
            }
            if case .object(let inst as PyInstance) = args[0], let f = inst.cls.lookupUser("__next__") {
                if args.count == 2 {
                    do { return try callValue(f, [args[0]], []) } catch let e as PyError where e.exception.cls.isSubclass(of: stopIterationType) { return args[1] }
                }
                return try callValue(f, [args[0]], [])
            }
            if case .object(let n as PyNativeIterator) = args[0] {
                do {
                    if let v = try n.step() { return v }
                } catch let e as PyError where e.exception.cls.isSubclass(of: stopIterationType) {
                    if args.count == 2 { return args[1] }
                    throw e
                }
            } else if let v = try nextValue(args[0]) { return v }
            if args.count == 2 { return args[1] }
            throw PyError(exception: makeException(stopIterationType, []))
        }
        def("min") { args, kw in try minMax(args, kw, wantMax: false) }
        def("max") { args, kw in try minMax(args, kw, wantMax: true) }
        def("sum") { args, kw in
            try argCount(args, 1, 2, "sum")
            var total: Value = args.count > 1 ? args[1] : (kwarg(kw, "start") ?? .int(0))
            try forEach(args[0]) { x in total = try binaryOp(.add, total, x); return true }
            return total
        }
        def("any") { args, _ in
            try argCount(args, 1, 1, "any")
            var r = false
            try forEach(args[0]) { x in if try truthy(x) { r = true; return false }; return true }
            return .bool(r)
        }
        def("all") { args, _ in
            try argCount(args, 1, 1, "all")
            var r = true
            try forEach(args[0]) { x in if !(try truthy(x)) { r = false; return false }; return true }
            return .bool(r)
        }
        def("sorted") { args, kw in
            try argCount(args, 1, 1, "sorted")
            let l = PyList(try iterateToArray(args[0]))
            try sortList(l, kw)
            return .object(l)
        }
        def("reversed") { args, _ in
            try argCount(args, 1, 1, "reversed")
            if case .object(let inst as PyInstance) = args[0], let f = inst.cls.lookupUser("__reversed__") { return try callValue(f, [args[0]], []) }
            if case .object(let inst as PyInstance) = args[0], inst.cls.lookupUser("__getitem__") != nil, inst.cls.lookupUser("__len__") != nil {
                var i = try length(args[0])
                let obj = args[0]
                return .object(PyNativeIterator { () -> Value? in
                    i -= 1
                    return i >= 0 ? try getItem(obj, .int(i)) : nil
                })
            }
            if case .object(let d as PyDict) = args[0], !d.isSet { _ = d; throw typeError("'dict' object isn't reversible") }
            if case .object(let r as PyRange) = args[0] {
                let n = r.count
                return .object(PyRange(r.start &+ (n &- 1) &* r.step, r.start &- r.step, 0 &- r.step))
            }
            if case .object(let d as PyDict) = args[0], d.isSet { throw typeError("'set' object isn't reversible") }
            let items = try iterateToArray(args[0])
            var i = items.count
            return .object(PyNativeIterator { () -> Value? in
                i -= 1
                return i >= 0 ? items[i] : nil
            })
        }
        def("enumerate") { args, kw in
            if args.isEmpty, let iterable = kwarg(kw, "iterable") { return try enumerateIterator([iterable], kw) }
            return try enumerateIterator(args, kw)
        }
        def("zip") { args, _ in
            let its = try args.map { try getIter($0) }
            return .object(PyNativeIterator { () -> Value? in
                if its.isEmpty { return nil }
                var out: [Value] = []
                for it in its { guard let v = try nextValueKeepingStop(it) else { return nil }; out.append(v) }
                return .tuple(out)
            })
        }
        def("map") { args, _ in
            guard args.count >= 2 else { throw typeError("map must have at least 2 arguments") }
            let f = args[0]
            let its = try args.dropFirst().map { try getIter($0) }
            return .object(PyNativeIterator { () -> Value? in
                var vals: [Value] = []
                for it in its { guard let v = try nextValueKeepingStop(it) else { return nil }; vals.append(v) }
                return try callValue(f, vals, [])
            })
        }
        def("filter") { args, _ in
            try argCount(args, 2, 2, "filter")
            let f = args[0]
            let it = try getIter(args[1])
            return .object(PyNativeIterator { () -> Value? in
                while let v = try nextValueKeepingStop(it) {
                    if f.isNone ? try truthy(v) : try truthy(try callValue(f, [v], [])) { return v }
                }
                return nil
            })
        }
        def("chr") { args, _ in
            try argCount(args, 1, 1, "chr")
            let i = try toInt(args[0])
            guard i >= 0 && i < 0x110000, let u = Unicode.Scalar(UInt32(i)) else { throw valueError("chr() arg not in range(0x110000)") }
            return .string(String(Character(u)))
        }
        def("ord") { args, _ in
            try argCount(args, 1, 1, "ord")
            if case .str(let s) = args[0] {
                let sc = s.scalars
                guard sc.count == 1 else { throw typeError("ord() expected a character, but string of length \(sc.count) found") }
                return .int(Int(sc[0].value))
            }
            if let b = bytesLike(args[0]) {
                guard b.count == 1 else { throw typeError("ord() expected a character, but string of length \(b.count) found") }
                return .int(Int(b[0]))
            }
            throw typeError("ord() expected a character, but \(typeName(args[0])) found")
        }
        def("hex") { args, _ in try argCount(args, 1, 1, "hex"); return .string(try intToBase(args[0], 16, "0x")) }
        def("oct") { args, _ in try argCount(args, 1, 1, "oct"); return .string(try intToBase(args[0], 8, "0o")) }
        def("bin") { args, _ in try argCount(args, 1, 1, "bin"); return .string(try intToBase(args[0], 2, "0b")) }
        def("divmod") { args, _ in
            try argCount(args, 2, 2, "divmod")
            return .tuple([try binaryOp(.floordiv, args[0], args[1]), try binaryOp(.mod, args[0], args[1])])
        }
        def("pow") { args, _ in
            try argCount(args, 2, 3, "pow")
            if args.count == 3 && !args[2].isNone {
                guard let b = bigValue(args[0]), let e = bigValue(args[1]), let m = bigValue(args[2]) else { throw typeError("pow() 3rd argument not allowed unless all arguments are integers") }
                if m.isZero { throw valueError("pow() 3rd argument cannot be 0") }
                if e < 0 { throw valueError("pow() 2nd argument cannot be negative when 3rd argument specified") }
                return .bigint(bigFloorMod(b.power(e, modulus: m), m))
            }
            return try binaryOp(.pow, args[0], args[1])
        }
        def("round") { args, kw in
            try argCount(args, 1, 2, "round")
            let nd: Value = args.count > 1 ? args[1] : (kwarg(kw, "ndigits") ?? Value.none)
            switch args[0] {
            case .int, .bool, .object(is PyBigInt):
                if nd.isNone { return .int(try toInt(args[0])) }
                let n = try toInt(nd)
                if n >= 0 { return args[0] }
                let p = BigInt(10).power(-n)
                let v = bigValue(args[0])!
                var q = bigFloorDiv(v, p)
                let r = v - q * p
                if r * 2 > p || (r * 2 == p && q % 2 != 0) { q += 1 }
                return .bigint(q * p)
            case .object(let inst as PyInstance):
                if let f = inst.cls.lookupUser("__round__") { return try callValue(f, nd.isNone ? [args[0]] : [args[0], nd], []) }
            default: break
            }
            let d = try toDouble(args[0])
            if nd.isNone {
                if d.isNaN { throw valueError("cannot convert float NaN to integer") }
                if d.isInfinite { throw pyErr(overflowErrorType, "cannot convert float infinity to integer") }
                let r = d.rounded(.toNearestOrEven)
                if let i = Int(exactly: r) { return .int(i) }
                return .bigint(BigInt(r))
            }
            let n = try toInt(nd)
            if !d.isFinite { return .float(d) }
            let m = pow(10.0, Double(n))
            let scaled = d * m
            var r = scaled.rounded(.toNearestOrEven)
            if abs(scaled - scaled.rounded(.towardZero)) != 0.5 { r = scaled.rounded() }
            let result = r / m
            return .float(result.isFinite ? result : d)
        }
        def("dir") { [unowned self] args, _ in
            var names = Set<String>()
            if args.isEmpty {
                for k in self.mainModule.dict.keyList { if case .str(let s) = k { names.insert(s.value) } }
            } else {
                let v = args[0]
                // An instance's own __dir__ decides (a class's __dir__ does not apply to the class).
                if case .object(let inst as PyInstance) = v, let f = inst.cls.lookupUser("__dir__") {
                    return try callValue(f, [v], [])
                }
                if case .object(let m as PyModule) = v { for k in m.dict.keyList { if case .str(let s) = k { names.insert(s.value) } } }
                if case .object(let inst as PyInstance) = v { names.formUnion(inst.attrs.stringKeys) }
                let cls: PyClass
                if case .object(let c as PyClass) = v { cls = c } else { cls = typeOf(v) }
                if !(v.asObject is PyModule) {
                    for c in cls.mro {
                        for k in c.dict.keyList {
                            // builtin types show only their public methods, as MicroPython's dir() does
                            if case .str(let s) = k, !(c.isBuiltin && s.value.hasPrefix("__")) { names.insert(s.value) }
                        }
                    }
                    names.insert("__class__")
                }
            }
            return .list(names.sorted().map { .string($0) })
        }
        def("globals") { [unowned self] _, _ in .object(self.mainModule.dict) }
        def("locals") { [unowned self] _, _ in .object(self.mainModule.dict) }
        def("exec") { [unowned self] args, _ in try self.execOrEval(args, isEval: false) }
        def("eval") { [unowned self] args, _ in try self.execOrEval(args, isEval: true) }
        def("compile") { args, _ in
            try argCount(args, 3, 6, "compile")
            let src: String
            if let b = bytesLike(args[0]) { src = String(decoding: b, as: UTF8.self) } else { src = try toStr(args[0]) }
            let mode = try toStr(args[2])
            // MicroPython wants an expression for "eval" and a complete line for "single".
            let joined = src.replacingOccurrences(of: "\\\n", with: "")
            let blank = joined.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            if (mode == "eval" && blank) || (mode == "single" && blank && !joined.contains("\n")) {
                throw PyError(exception: makeException(syntaxErrorType, [.string("invalid syntax")]))
            }
            _ = try Parser.parse(mode == "eval" ? "(" + src + ")" : src)
            let code = PyInstance(cls: codeType)
            code.attrs["source"] = .string(src)
            code.attrs["mode"] = .string(mode)
            code.attrs["filename"] = args[1]
            return .object(code)
        }
        def("input") { [unowned self] args, _ in
            if let p = args.first { try self.writeOut(try str(p)) }
            var line: [UInt8] = []
            while true {
                if self.interruptPending.pointee != 0 { try self.raiseInterrupt() }
                guard let chunk = self.host.readStdin(maxCount: 1) else {
                    if self.interruptPending.pointee != 0 { try self.raiseInterrupt() }
                    if line.isEmpty { throw PyError(exception: makeException(eofErrorType, [])) }
                    break
                }
                if chunk.isEmpty { continue }
                if chunk[0] == 10 { break }
                if chunk[0] == 13 { continue }
                line.append(chunk[0])
            }
            return .string(String(decoding: line, as: UTF8.self))
        }
        def("open") { [unowned self] args, kw in try self.openFile(args, kw) }
        def("__import__") { [unowned self] args, _ in
            try argCount(args, 1, 5, "__import__")
            return try self.importModule(try toStr(args[0]), level: 0, globals: self.mainModule.dict)
        }
        def("__build_class__") { _, _ in throw pyErr(notImplementedErrorType, "__build_class__") }
        originalImport = b.getStr("__import__") ?? .none
        originalBuildClass = b.getStr("__build_class__") ?? .none
        def("help") { [unowned self] _, _ in try self.writeOut("Welcome to MicroPython!\n"); return .none }
        def("execfile") { [unowned self] args, _ in
            try argCount(args, 1, 1, "execfile")
            let path = self.absolutePath(try toStr(args[0]))
            let code = try self.compileSource(try self.readTextFile(path), filename: try toStr(args[0]))
            try self.runCode(code, globals: self.mainModule.dict)
            return .none
        }
    }

    func execOrEval(_ args: [Value], isEval: Bool) throws -> Value {
        try argCount(args, 1, 3, isEval ? "eval" : "exec")
        var src: String
        var evalMode = isEval
        if case .object(let code as PyInstance) = args[0], code.cls === codeType {
            src = try toStr(code.attrs["source"] ?? .string(""))
            evalMode = (try? toStr(code.attrs["mode"] ?? Value.none)) == "eval"
        } else if let b = bytesLike(args[0]) { src = String(decoding: b, as: UTF8.self) } else { src = try toStr(args[0]) }
        var globals = mainModule.dict
        if args.count > 1, case .object(let g as PyDict) = args[1] { globals = g }
        var locals: PyDict? = nil
        if args.count > 2, case .object(let l as PyDict) = args[2] { locals = l }
        if evalMode {
            let e: Expr
            do { e = try Parser.parseExpression(src.trimmingCharacters(in: .whitespacesAndNewlines)) } catch let se as SyntaxErrorInfo {
                throw pyErr(syntaxErrorType, se.message)
            }
            let code = CodeObject(name: "<module>", filename: "<string>")
            let scope = Scope(kind: .module, parent: nil, code: code)
            let c = Compiler(filename: "<string>", scope: scope)
            let fn = try c.expr(e)
            let frame = Frame(code: code, globals: globals, runtime: self)
            if let l = locals, l !== globals { frame.classDict = l }
            if frame.classDict != nil {
                let scope2 = Scope(kind: .classBody, parent: nil, code: code)
                scope2.assigned = []
                let c2 = Compiler(filename: "<string>", scope: scope2)
                let fn2 = try c2.expr(e)
                return try fn2(frame)
            }
            return try fn(frame)
        }
        let code = try compileSource(src, filename: "<string>")
        if let l = locals, l !== globals {
            let stmts = try Parser.parse(src)
            let code2 = CodeObject(name: "<module>", filename: "<string>")
            let scope = Scope(kind: .classBody, parent: nil, code: code2)
            scope.assigned = ScopeScanner.scanModule(stmts).assigned
            code2.body = try Compiler(filename: "<string>", scope: scope).block(stmts)
            let frame = Frame(code: code2, globals: globals, runtime: self)
            frame.classDict = l
            _ = try code2.body(frame)
            return .none
        }
        let frame = Frame(code: code, globals: globals, runtime: self)
        _ = try code.body(frame)
        return .none
    }
}

nonisolated(unsafe) let codeType = makeType("code", objectType)

func isInstance(_ v: Value, _ cls: Value) throws -> Bool {
    switch cls {
    case .object(let c as PyClass):
        let t = typeOf(v)
        if t.isSubclass(of: c) { return true }
        if case .object(let inst as PyInstance) = v, let b = inst.base, c.isBuiltin { return typeOf(b).isSubclass(of: c) }
        return false
    case .object(let t as PyTuple):
        for x in t.items where try isInstance(v, x) { return true }
        return false
    default: throw typeError("isinstance() arg 2 must be a class, type, or tuple of classes")
    }
}

func classMatches(_ c: PyClass, _ cls: Value) throws -> Bool {
    switch cls {
    case .object(let k as PyClass): return c.isSubclass(of: k)
    case .object(let t as PyTuple):
        for x in t.items where try classMatches(c, x) { return true }
        return false
    default: throw typeError("issubclass() arg 2 must be a class or a tuple of classes")
    }
}

func intToBase(_ v: Value, _ radix: Int, _ prefix: String) throws -> String {
    guard let b = bigValue(v) else {
        if case .object(let inst as PyInstance) = v, let f = inst.cls.lookupUser("__index__") { return try intToBase(try callValue(f, [v], []), radix, prefix) }
        throw typeError("can't convert \(typeName(v)) to int")
    }
    return b < 0 ? "-" + prefix + String(-b, radix: radix) : prefix + String(b, radix: radix)
}

func minMax(_ args: [Value], _ kw: KwArgs, wantMax: Bool) throws -> Value {
    let key = kwarg(kw, "key")
    let def = kwarg(kw, "default")
    var items: [Value]
    if args.count == 1 { items = try iterateToArray(args[0]) } else if args.isEmpty {
        throw typeError("function missing 1 required positional arguments")
    } else { items = args }
    guard var best = items.first else {
        if let def { return def }
        throw valueError("arg is an empty sequence")
    }
    var bestKey = key.map { k in { try callValue(k, [best], []) } } != nil ? try callValue(key!, [best], []) : best
    for x in items.dropFirst() {
        let k = key != nil ? try callValue(key!, [x], []) : x
        let better = wantMax ? try richCompare("__gt__", k, bestKey) : try richCompare("__lt__", k, bestKey)
        if better { best = x; bestKey = k }
    }
    return best
}

func sortList(_ l: PyList, _ kw: KwArgs) throws {
    if kw.contains(where: { $0.0 != "key" && $0.0 != "reverse" }) { throw typeError("extra keyword arguments given") }
    let key = kwarg(kw, "key").flatMap { $0.isNone ? nil : $0 }
    let reverse = try kwarg(kw, "reverse").map { try truthy($0) } ?? false
    let keys: [Value] = key == nil ? l.items : try l.items.map { try callValue(key!, [$0], []) }
    var idx = Array(0..<l.items.count)
    var err: Error? = nil
    // stable merge sort on indices, comparing with Python's <
    func less(_ a: Int, _ b: Int) -> Bool {
        if err != nil { return false }
        do {
            if case .int(let x) = keys[a], case .int(let y) = keys[b] { return reverse ? y < x : x < y }
            return reverse ? try lessThan(keys[b], keys[a]) : try lessThan(keys[a], keys[b])
        } catch { err = error; return false }
    }
    idx = mergeSort(idx, less)
    if let err { throw err }
    let items = l.items
    l.items = idx.map { items[$0] }
}

private func mergeSort(_ a: [Int], _ less: (Int, Int) -> Bool) -> [Int] {
    if a.count <= 1 { return a }
    if a.count <= 16 {
        var r = a
        for i in 1..<r.count {
            let x = r[i]
            var j = i - 1
            while j >= 0 && less(x, r[j]) { r[j + 1] = r[j]; j -= 1 }
            r[j + 1] = x
        }
        return r
    }
    let mid = a.count / 2
    let l = mergeSort(Array(a[..<mid]), less), r = mergeSort(Array(a[mid...]), less)
    var out: [Int] = []
    out.reserveCapacity(a.count)
    var i = 0, j = 0
    while i < l.count && j < r.count {
        if less(r[j], l[i]) { out.append(r[j]); j += 1 } else { out.append(l[i]); i += 1 }
    }
    out.append(contentsOf: l[i...]); out.append(contentsOf: r[j...])
    return out
}

private func enumerateIterator(_ args: [Value], _ kw: KwArgs) throws -> Value {
    try argCount(args, 1, 2, "enumerate")
    let it = try getIter(args[0])
    var n = args.count > 1 ? try toInt(args[1]) : try toInt(kwarg(kw, "start") ?? .int(0))
    return .object(PyNativeIterator { () -> Value? in
        guard let v = try nextValueKeepingStop(it) else { return nil }
        defer { n += 1 }
        return .tuple([.int(n), v])
    })
}
