/// Attribute access with Python's descriptor rules (property, staticmethod, classmethod,
/// functions binding to instances) and `__getattr__` as the fallback.
func getAttr(_ v: Value, _ name: String) throws -> Value { try getAttr(v, PyStr(name)) }

func getAttr(_ v: Value, _ key: PyStr) throws -> Value {
    let name = key.value
    if let r = try lookupAttr(v, key) { return r }
    if case .object(let c as PyClass) = v {
        throw attributeError("type object '\(c.name)' has no attribute '\(name)'")
    }
    if case .object(is PyModule) = v {
        throw attributeError("'module' object has no attribute '\(name)'")
    }
    throw attributeError("'\(typeName(v))' object has no attribute '\(name)'")
}

/// Binds a class attribute found for an instance access.
@inline(__always)
func bindClassAttr(_ attr: Value, _ owner: Value, _ cls: PyClass) throws -> Value {
    if case .object(let o) = attr {
        switch o {
        case is PyFunction, is PyBuiltinFunction: return .object(PyBoundMethod(owner, attr))
        case let p as PyProperty:
            if p.fget.isNone { throw attributeError("unreadable attribute") }
            return try callValue(p.fget, [owner], [])
        case let s as PyStaticMethod: return s.function
        case let c as PyClassMethod: return .object(PyBoundMethod(.object(cls), c.function))
        case let inst as PyInstance:
            if let g = inst.cls.lookup("__get__") { return try callValue(g, [attr, owner, .object(cls)], []) }
        default: break
        }
    }
    return attr
}

func lookupAttr(_ v: Value, _ name: String) throws -> Value? { try lookupAttr(v, PyStr(name)) }

func lookupAttr(_ v: Value, _ key: PyStr) throws -> Value? {
    let name = key.value
    if case .object(let o) = v {
        switch o {
        case let inst as PyInstance:
            let cls = inst.cls
            let classAttr = cls.lookup(key)
            if let ca = classAttr, case .object(let p as PyProperty) = ca { _ = p; return try bindClassAttr(ca, v, cls) }
            if let a = inst.attrs.getStr(key) { return a }
            if let ca = classAttr {
                // A builtin function stored on a user class acts like a staticmethod in MicroPython.
                if case .object(is PyBuiltinFunction) = ca,
                   let owner = cls.mro.first(where: { $0.dict.getStr(key) != nil }), owner.isUserDefined { return ca }
                return try bindClassAttr(ca, v, cls)
            }
            if name == "__class__" { return .object(cls) }
            if name == "__dict__" { return .object(inst.attrs) }
            if let e = inst as? PyExceptionObject {
                if name == "args" { return .tuple(e.args) }
                if name == "value" && cls.isSubclass(of: stopIterationType) { return e.args.first ?? Value.none }
                if name == "errno" && cls.isSubclass(of: osErrorType) { return e.args.first ?? Value.none }
                if name == "code" && cls.isSubclass(of: systemExitType) { return e.args.first ?? Value.none }
                if name == "__traceback__" { return Value.none }
                if name == "__cause__" { return e.cause }
            }
            if let base = inst.base, let f = typeOf(base).lookup(name) {
                if case .object(let bf as PyBuiltinFunction) = f { return .object(PyBoundMethod(v, .object(bf))) }
            }
            if let ga = cls.lookup("__getattr__") {
                return try callValue(ga, [v, .string(name)], [])
            }
            return nil
        case let c as PyClass:
            for k in c.mro {
                if let a = k.dict.getStr(key) {
                    if case .object(let s as PyStaticMethod) = a { return s.function }
                    if case .object(let cm as PyClassMethod) = a { return .object(PyBoundMethod(v, cm.function)) }
                    return a
                }
            }
            switch name {
            case "__name__": return .string(c.name)
            case "__bases__": return .tuple(c.bases.map { .object($0) })
            case "__dict__": return .object(c.dict)
            case "__class__": return .object(c.pyClass)
            case "__qualname__": return .string(c.name)
            case "__module__": return .string("__main__")
            default: break
            }
            if let meta = c.metaclass, let a = meta.lookup(name) { return try bindClassAttr(a, v, meta) }
            return nil
        case let m as PyModule:
            if let a = m.dict.getStr(key) { return a }
            if name == "__dict__" { return .object(m.dict) }
            if let ga = m.dict.getStr("__getattr__") { return try callValue(ga, [.string(name)], []) }
            return nil
        case let f as PyFunction:
            switch name {
            case "__name__": return .string(f.name)
            case "__qualname__": return .string(f.name)
            case "__module__": return .string("__main__")
            case "__class__": return .object(functionType)
            case "__globals__": return .object(f.globals)
            case "__closure__": return Value.none
            case "__defaults__": return f.defaults.isEmpty ? Value.none : .tuple(f.defaults)
            case "__dict__": return .object(f.attributes)
            default:
                if let a = f.attributes.getStr(name) { return a }
            }
            return nil
        case let f as PyBuiltinFunction:
            if name == "__name__" { return .string(f.name) }
        case let m as PyBoundMethod:
            if name == "__self__" { return m.selfValue }
            if name == "__func__" { return m.function }
            if name == "__name__" { return try lookupAttr(m.function, name) }
        case let p as PyProperty:
            if name == "fget" { return p.fget }
            if name == "fset" { return p.fset }
        case let s as PySlice:
            if name == "start" { return s.start }
            if name == "stop" { return s.stop }
            if name == "step" { return s.step }
            if name == "indices" {
                return .object(PyBuiltinFunction("indices") { a, _ in
                    guard let length = a.last, a.count == 1 else { throw typeError("function takes 1 positional arguments but \(a.count) were given") }
                    let (start, stop, step) = try sliceIndices(s, try toInt(length))
                    return .tuple([.int(start), .int(stop), .int(step)])
                })
            }
        case let r as PyRange:
            if name == "start" { return .int(r.start) }
            if name == "stop" { return .int(r.stop) }
            if name == "step" { return .int(r.step) }
        case let c as PyComplex:
            if name == "real" { return .float(c.re) }
            if name == "imag" { return .float(c.im) }
        case let g as PyGenerator:
            if name == "__name__" { return .string(g.name) }
        case let s as PySuper:
            return try superLookup(s, name)
        case let s as PyStream:
            if name == "buffer" { return .object(PyStream(s.backend, text: false, cls: fileIOType, runtime: s.runtime)) }
            if name == "name" { return .string(s.name) }
            if name == "closed" { return .bool(s.closed) }
        default: break
        }
    }
    switch v {
    case .int, .bool:
        if name == "real" || name == "numerator" { return v }
        if name == "imag" { return .int(0) }
        if name == "denominator" { return .int(1) }
    case .float(let d):
        if name == "real" { return .float(d) }
        if name == "imag" { return .float(0) }
    default: break
    }
    let cls = typeOf(v)
    if let a = cls.lookup(key) {
        return try bindClassAttr(a, v, cls)
    }
    if name == "__class__" { return .object(cls) }
    return nil
}

func superLookup(_ s: PySuper, _ name: String) throws -> Value? {
    let mro: [PyClass]
    let startCls: PyClass
    if case .object(let c as PyClass) = s.obj, c.isSubclass(of: s.cls) { startCls = c } else { startCls = typeOf(s.obj) }
    mro = startCls.mro
    guard let idx = mro.firstIndex(where: { $0 === s.cls }) else { return nil }
    for c in mro[(idx + 1)...] {
        if let a = c.dict.getStr(name) {
            if case .object(let o) = a {
                switch o {
                case is PyFunction, is PyBuiltinFunction:
                    if case .object(let objc as PyClass) = s.obj, objc === startCls, !(s.obj.asObject is PyInstance) {
                        return a
                    }
                    return .object(PyBoundMethod(s.obj, a))
                case let cm as PyClassMethod: return .object(PyBoundMethod(.object(startCls), cm.function))
                case let st as PyStaticMethod: return st.function
                case let p as PyProperty: return try callValue(p.fget, [s.obj], [])
                default: return a
                }
            }
            return a
        }
    }
    if name == "__init__" { return .object(PyBuiltinFunction("__init__") { _, _ in .none }) }
    return nil
}

func setAttr(_ v: Value, _ name: String, _ value: Value) throws { try setAttr(v, PyStr(name), value) }

func setAttr(_ v: Value, _ key: PyStr, _ value: Value) throws {
    let name = key.value
    if case .object(let o) = v {
        switch o {
        case let inst as PyInstance:
            if inst.cls.hasSetHooks, let ca = inst.cls.lookup(key), case .object(let p as PyProperty) = ca {
                if p.fset.isNone { throw attributeError("'\(inst.cls.name)' object has no attribute '\(name)'") }
                _ = try callValue(p.fset, [v, value], [])
                return
            }
            if inst.cls.hasSetHooks, case .object(let d as PyInstance)? = inst.cls.lookup(key), let setF = d.cls.lookupUser("__set__") {
                _ = try callValue(setF, [.object(d), v, value], [])
                return
            }
            if inst.cls.hasSetHooks, let sa = inst.cls.lookup("__setattr__"), !(sa.asObject is PyBuiltinFunction) {
                _ = try callValue(sa, [v, .string(name), value], [])
                return
            }
            inst.attrs.setStr(key, value)
            return
        case let c as PyClass:
            if c.isBuiltin { throw attributeError("can't set attribute") }
            c.dict.setStr(key, value)
            c.invalidateHooks()
            return
        case let m as PyModule:
            if m.readOnly { throw attributeError("'module' object has no attribute '\(name)'") }
            m.dict.setStr(key, value)
            return
        default: break   // MicroPython functions take no attributes (no MICROPY_PY_FUNCTION_ATTRS)
        }
    }
    throw attributeError("'\(typeName(v))' object has no attribute '\(name)'")
}

func delAttr(_ v: Value, _ name: String) throws {
    if case .object(let o) = v {
        switch o {
        case let inst as PyInstance:
            if let ca = inst.cls.lookup(name), case .object(let p as PyProperty) = ca, !p.fdel.isNone {
                _ = try callValue(p.fdel, [v], [])
                return
            }
            if case .object(let d as PyInstance)? = inst.cls.lookup(name), let delF = d.cls.lookupUser("__delete__") {
                _ = try callValue(delF, [.object(d), v], [])
                return
            }
            if let da = inst.cls.lookupUser("__delattr__") { _ = try callValue(da, [v, .string(name)], []); return }
            if inst.attrs.removeValue(forKey: name) != nil { return }
        case let c as PyClass:
            if c.isBuiltin { break }
            if try c.dict.remove(.string(name)) != nil { c.invalidateHooks(); return }
        case let m as PyModule:
            if try m.dict.remove(.string(name)) != nil { return }
        default: break
        }
    }
    throw attributeError("'\(typeName(v))' object has no attribute '\(name)'")
}

/// Calls obj.name(*args) without allocating a bound method when the attribute is a plain method.
func callMethod(_ obj: Value, _ name: String, _ args: [Value], _ kw: KwArgs = []) throws -> Value {
    try callMethod(obj, PyStr(name), args, kw)
}

func callMethod(_ obj: Value, _ key: PyStr, _ args: [Value], _ kw: KwArgs = []) throws -> Value {
    if case .object(let o) = obj {
        if let inst = o as? PyInstance {
            if inst.attrs.getStr(key) == nil, let a = inst.cls.lookup(key) {
                if case .object(let f as PyFunction) = a { return try f.callWithSelf(obj, args, kw) }
                if case .object(let f as PyBuiltinFunction) = a {
                    // only a builtin type's own methods bind; one stored on a user class is static
                    if inst.cls.mro.first(where: { $0.dict.getStr(key) != nil })?.isUserDefined == true { return try f.fn(args, kw) }
                    return try f.fn([obj] + args, kw)
                }
            }
            return try callValue(try getAttr(obj, key), args, kw)
        }
        if o is PyClass || o is PyModule || o is PySuper {
            return try callValue(try getAttr(obj, key), args, kw)
        }
    }
    let cls = typeOf(obj)
    if let a = cls.lookup(key), case .object(let f as PyBuiltinFunction) = a {
        return try f.fn([obj] + args, kw)
    }
    return try callValue(try getAttr(obj, key), args, kw)
}
