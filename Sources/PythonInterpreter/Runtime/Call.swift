/// Calls any callable value.
func callValue(_ f: Value, _ args: [Value], _ kw: KwArgs) throws -> Value {
    guard case .object(let o) = f else { throw typeError("'\(typeName(f))' object isn't callable") }
    switch o {
    case let fn as PyFunction: return try fn.call(args, kw)
    case let b as PyBuiltinFunction: return try b.fn(args, kw)
    case let m as PyBoundMethod:
        if case .object(let fn as PyFunction) = m.function { return try fn.call([m.selfValue] + args, kw) }
        return try callValue(m.function, [m.selfValue] + args, kw)
    case let c as PyClass: return try instantiate(c, args, kw)
    case let inst as PyInstance:
        if let c = inst.cls.lookupUser("__call__") { return try callValue(c, [f] + args, kw) }
    case let s as PyStaticMethod: return try callValue(s.function, args, kw)
    default: break
    }
    throw typeError("'\(typeName(f))' object isn't callable")
}

func isCallable(_ v: Value) -> Bool {
    guard case .object(let o) = v else { return false }
    switch o {
    case is PyFunction, is PyBuiltinFunction, is PyBoundMethod, is PyClass, is PyStaticMethod: return true
    case let inst as PyInstance: return inst.cls.lookupUser("__call__") != nil
    default: return false
    }
}

/// The first builtin class in the MRO, whose constructor builds native storage for subclasses.
func builtinBase(_ cls: PyClass) -> PyClass? {
    for c in cls.mro where c.constructor != nil && c !== objectType && !c.isExceptionClass { return c }
    return nil
}

func instantiate(_ cls: PyClass, _ args: [Value], _ kw: KwArgs) throws -> Value {
    if cls.isBuiltin, let ctor = cls.constructor { return try ctor(args, kw) }
    if cls === typeType || cls.isSubclass(of: typeType), args.count == 3 {
        return try buildClassFromType(cls, args)
    }
    if let meta = cls.metaclass, let callF = meta.lookup("__call__"), !(callF.asObject is PyBuiltinFunction) {
        return try callValue(callF, [.object(cls)] + args, kw)
    }
    var obj: Value
    if let newF = cls.lookupUser("__new__"), case .object(let nf) = newF, !(nf is PyBuiltinFunction) {
        let fnv: Value = (nf as? PyStaticMethod)?.function ?? newF
        obj = try callValue(fnv, [.object(cls)] + args, kw)
        guard case .object(let created as PyInstance) = obj, created.cls.isSubclass(of: cls) else { return obj }
    } else {
        obj = try makeInstance(cls, args, kw)
    }
    if let initF = cls.lookup("__init__") {
        if case .object(let f as PyFunction) = initF {
            let r = try f.call([obj] + args, kw)
            if !r.isNone { throw typeError("__init__() should return None, not '\(typeName(r))'") }
        } else if case .object(let bf as PyBuiltinFunction) = initF, bf.name != "__init__" || cls.isExceptionClass {
            _ = try bf.fn([obj] + args, kw)
        }
    } else if !args.isEmpty, builtinBase(cls) == nil {
        throw typeError("function takes 0 positional arguments but \(args.count) were given")
    }
    return obj
}

func makeInstance(_ cls: PyClass, _ args: [Value], _ kw: KwArgs) throws -> Value {
    if cls.isExceptionClass {
        let e = PyExceptionObject(cls: cls)
        e.args = args
        return .object(e)
    }
    let inst = PyInstance(cls: cls)
    if let b = builtinBase(cls), let ctor = b.constructor {
        if b === dictType {
            let d = PyDict(); d.customClass = cls
            if !args.isEmpty || !kw.isEmpty { try dictUpdate(d, args, kw) }
            return .object(d)
        }
        let hasUserInit = cls.lookup("__init__").map { $0.asObject is PyFunction } ?? false
        let needsArgs = b === listType || b === dictType || b === setType
        inst.base = try ctor((hasUserInit && needsArgs) ? [] : args, (hasUserInit && needsArgs) ? [] : kw)
    }
    return .object(inst)
}

func buildClassFromType(_ meta: PyClass, _ args: [Value]) throws -> Value {
    let name = try toStr(args[0])
    var bases: [PyClass] = []
    for b in try iterateToArray(args[1]) {
        guard case .object(let c as PyClass) = b else { throw typeError("bases must be types") }
        bases.append(c)
    }
    if bases.isEmpty { bases = [objectType] }
    let cls = PyClass(name: name, bases: bases)
    cls.isUserDefined = true
    if meta !== typeType { cls.metaclass = meta }
    if case .object(let d as PyDict) = args[2] {
        if !d.followsTableOrder { cls.dict.keepsInsertionOrder = true }
        for (k, v) in d.entries { try cls.dict.set(k, v) }
    }
    return .object(cls)
}

// MARK: - iteration

func getIter(_ v: Value) throws -> Value {
    switch v {
    case .str(let s):
        let sc = s.scalars
        var i = 0
        return .object(PyNativeIterator { () -> Value? in
            guard i < sc.count else { return nil }
            defer { i += 1 }
            return .str(PyStr(String(Character(sc[i]))))
        })
    case .object(let o):
        switch o {
        case let l as PyList:
            var i = 0
            return .object(PyNativeIterator { () -> Value? in
                guard i < l.items.count else { return nil }
                defer { i += 1 }
                return l.items[i]
            })
        case let t as PyTuple:
            var i = 0
            let items = t.items
            return .object(PyNativeIterator { () -> Value? in
                guard i < items.count else { return nil }
                defer { i += 1 }
                return items[i]
            })
        case let r as PyRange:
            var cur = r.start
            let stop = r.stop, step = r.step
            var done = false
            return .object(PyNativeIterator { () -> Value? in
                if done || (step > 0 ? cur >= stop : cur <= stop) { return nil }
                let value = cur
                let (next, overflow) = cur.addingReportingOverflow(step)
                if overflow { done = true } else { cur = next }
                return .int(value)
            })
        case let d as PyDict:
            var pos = 0
            let startCount = d.count
            return .object(PyNativeIterator { () -> Value? in
                if d.count != startCount { throw pyErr(runtimeErrorType, "dictionary changed size during iteration") }
                return d.entry(at: &pos)?.key
            })
        case let m as PyMemoryView where m.base is PyArray:
            var i = 0
            return .object(PyNativeIterator { () -> Value? in
                guard i < m.count else { return nil }
                defer { i += 1 }
                return m.item(i)
            })
        case is PyBytes, is PyByteArray, is PyMemoryView:
            var i = 0
            return .object(PyNativeIterator { () -> Value? in
                let b = bytesLike(o)!
                guard i < b.count else { return nil }
                defer { i += 1 }
                return .int(Int(b[i]))
            })
        case let a as PyArray:
            var i = 0
            return .object(PyNativeIterator { () -> Value? in
                guard i < a.count else { return nil }
                defer { i += 1 }
                return a.item(i)
            })
        case let dv as PyDictView:
            var pos = 0
            let d = dv.dict
            let kind = dv.kind
            return .object(PyNativeIterator { () -> Value? in
                guard let e = d.entry(at: &pos) else { return nil }
                switch kind {
                case .keys: return e.key
                case .values: return e.value
                case .items: return .tuple([e.key, e.value])
                }
            })
        case is PyNativeIterator, is PyGenerator: return v
        case let inst as PyInstance:
            if let f = inst.cls.lookupUser("__iter__") { return try callValue(f, [v], []) }
            if let f = inst.cls.lookupUser("__getitem__") {
                var i = 0
                return .object(PyNativeIterator { () -> Value? in
                    do {
                        let r = try callValue(f, [v, .int(i)], [])
                        i += 1
                        return r
                    } catch let e as PyError where e.exception.cls.isSubclass(of: indexErrorType) || e.exception.cls.isSubclass(of: stopIterationType) {
                        return nil
                    }
                })
            }
            if let b = inst.base { return try getIter(b) }
        default:
            if case .object(let bf as PyBuiltinFunction)? = o.pyClass.lookup("__iter__") { return try bf.fn([v], []) }
        }
    default: break
    }
    throw typeError("'\(typeName(v))' object isn't iterable")
}

/// Advances an iterator; nil means exhausted (StopIteration is absorbed).
func nextValue(_ it: Value) throws -> Value? {
    if case .object(let o) = it {
        switch o {
        case let n as PyNativeIterator:
            do { return try n.step() } catch let e as PyError where e.exception.cls.isSubclass(of: stopIterationType) { return nil }
        case let g as PyGenerator: return try g.resume(.none)
        case let inst as PyInstance:
            guard let f = inst.cls.lookupUser("__next__") else { break }
            do { return try callValue(f, [it], []) } catch let e as PyError where e.exception.cls.isSubclass(of: stopIterationType) {
                return nil
            }
        default:
            if case .object(let bf as PyBuiltinFunction)? = o.pyClass.lookup("__next__") {
                do { return try bf.fn([it], []) } catch let e as PyError where e.exception.cls.isSubclass(of: stopIterationType) { return nil }
            }
        }
    }
    throw typeError("'\(typeName(it))' object isn't an iterator")
}

func iterateToArray(_ v: Value) throws -> [Value] {
    if case .object(let o) = v {
        if let l = o as? PyList { return l.items }
        if let t = o as? PyTuple { return t.items }
        if let r = o as? PyRange {
            try checkAllocation(r.count * 8)
            var out: [Value] = []
            out.reserveCapacity(r.count)
            var i = r.start
            for _ in 0..<r.count { out.append(.int(i)); i = i &+ r.step }
            return out
        }
        if let d = o as? PyDict { return d.keyList }
    }
    let it = try getIter(v)
    var out: [Value] = []
    while let x = try nextValue(it) { out.append(x) }
    return out
}

/// Iterates calling body for each element; body returns false to stop early.
func forEach(_ v: Value, _ body: (Value) throws -> Bool) throws {
    if case .object(let o) = v {
        if let l = o as? PyList {
            var i = 0
            while i < l.items.count { if !(try body(l.items[i])) { return }; i += 1 }
            return
        }
        if let t = o as? PyTuple { for x in t.items { if !(try body(x)) { return } }; return }
    }
    let it = try getIter(v)
    while let x = try nextValue(it) { if !(try body(x)) { return } }
}

// MARK: - subscripts

func getItem(_ c: Value, _ key: Value) throws -> Value {
    switch c {
    case .str(let s):
        if case .object(let sl as PySlice) = key {
            return .str(PyStr(String(String.UnicodeScalarView(try sliceArray(s.scalars, sl)))))
        }
        let sc = s.scalars
        let i = try normIndex(try toIndex(key, "string"), sc.count, "string")
        return .str(PyStr(String(Character(sc[i]))))
    case .object(let o):
        switch o {
        case let l as PyList:
            if case .int(let i) = key {
                let j = i < 0 ? i + l.items.count : i
                if j < 0 || j >= l.items.count { throw indexError("list index out of range") }
                return l.items[j]
            }
            if case .object(let sl as PySlice) = key { return .list(try sliceArray(l.items, sl)) }
            return l.items[try normIndex(try toIndex(key, "list"), l.items.count, "list")]
        case let t as PyTuple:
            if case .object(let sl as PySlice) = key { return .tuple(try sliceArray(t.items, sl)) }
            return t.items[try normIndex(try toIndex(key, "tuple"), t.items.count, "tuple")]
        case let d as PyDict where !d.isSet:
            if let v = try d.get(key) { return v }
            if let cc = d.customClass, let m = cc.lookup("__missing__") { return try callValue(m, [c, key], []) }
            throw keyError(key)
        case let b as PyBytes:
            if case .object(let sl as PySlice) = key { return .bytes(try sliceArray(b.bytes, sl)) }
            return .int(Int(b.bytes[try normIndex(try toIndex(key, "bytes"), b.bytes.count, "bytes")]))
        case let b as PyByteArray:
            if case .object(let sl as PySlice) = key { return .object(PyByteArray(try sliceArray(b.bytes, sl))) }
            return .int(Int(b.bytes[try normIndex(try toIndex(key, "bytearray"), b.bytes.count, "bytearray")]))
        case let m as PyMemoryView:
            if case .object(let sl as PySlice) = key {
                let (start, stop, step) = try sliceIndices(sl, m.count)
                if step != 1 { throw pyErr(notImplementedErrorType, "only slices with step=1 (aka None) are supported") }
                return .object(PyMemoryView(base: m.base, start: m.start + start, count: max(0, stop - start), readonly: m.readonly))
            }
            return m.item(try normIndex(try toIndex(key, "memoryview"), m.count, "memoryview"))
        case let r as PyRange:
            if case .object(let sl as PySlice) = key {
                let (start, stop, step) = try sliceIndices(sl, r.count)
                let n = PyRange(r.start &+ start &* r.step, r.start &+ stop &* r.step, r.step &* step)
                return .object(n)
            }
            let i = try normIndex(try toIndex(key, "range"), r.count, "range")
            return .int(r.start &+ i &* r.step)
        case let a as PyArray:
            if case .object(let sl as PySlice) = key { return .object(a.slice(try sliceIndexList(sl, a.count))) }
            return a.item(try normIndex(try toIndex(key, "array"), a.count, "array"))
        case let inst as PyInstance:
            if let f = inst.cls.lookupUser("__getitem__") { return try callValue(f, [c, key], []) }
            if let b = inst.base { return try getItem(b, key) }
        case let cls as PyClass:
            if let f = cls.lookup("__class_getitem__") { return try callValue(f, [key], []) }
        default: break
        }
    default: break
    }
    throw typeError("'\(typeName(c))' object isn't subscriptable")
}

func setItem(_ c: Value, _ key: Value, _ value: Value) throws {
    if case .object(let o) = c {
        switch o {
        case let l as PyList:
            if case .object(let sl as PySlice) = key {
                let items = try iterateToArray(value)
                let (start, stop, step) = try sliceIndices(sl, l.items.count)
                if step == 1 {
                    l.items.replaceSubrange(start..<max(start, stop), with: items)
                    return
                }
                let idx = try sliceIndexList(sl, l.items.count)
                if idx.count != items.count { throw valueError("attempt to assign sequence of size \(items.count) to extended slice of size \(idx.count)") }
                for (k, i) in idx.enumerated() { l.items[i] = items[k] }
                return
            }
            l.items[try normIndex(try toIndex(key, "list"), l.items.count, "list")] = value
            return
        case let d as PyDict where !d.isSet:
            try d.set(key, value)
            return
        case let b as PyByteArray:
            if case .object(let sl as PySlice) = key {
                let items = try bytesFromValue(value)
                let (start, stop, step) = try sliceIndices(sl, b.bytes.count)
                if step != 1 { throw pyErr(notImplementedErrorType, "") }
                b.bytes.replaceSubrange(start..<max(start, stop), with: items)
                return
            }
            b.bytes[try normIndex(try toIndex(key, "bytearray"), b.bytes.count, "bytearray")] = UInt8(truncatingIfNeeded: try toInt(value))
            return
        case let m as PyMemoryView:
            if m.readonly { throw typeError("'memoryview' object doesn't support item assignment") }
            if case .object(let sl as PySlice) = key {
                // A byte copy, like MicroPython's: the source must fill the slice exactly. The
                // source is read in full first, so overlapping views shift correctly.
                let items = try bytesFromValue(value)
                let (start, stop, _) = try sliceIndices(sl, m.count)
                let size = m.itemSize
                if items.count != max(0, stop - start) * size { throw valueError("memoryview slice assignments are currently only supported for same-length") }
                if let ba = m.base as? PyByteArray { for (k, x) in items.enumerated() { ba.bytes[m.start + start + k] = x } }
                else if let a = m.base as? PyArray, !items.isEmpty {
                    var raw = a.rawBytes
                    let offset = (m.start + start) * size
                    raw.replaceSubrange(offset..<(offset + items.count), with: items)
                    a.values = PyArray.fromBytes(a.typecode, raw).values
                }
                return
            }
            let i = try normIndex(try toIndex(key, "memoryview"), m.count, "memoryview")
            if let ba = m.base as? PyByteArray { ba.bytes[m.start + i] = try byteValue(value) }
            else if let a = m.base as? PyArray { try a.setItem(m.start + i, value) }
            return
        case let a as PyArray:
            if case .object(let sl as PySlice) = key {
                let items = try iterateToArray(value)
                let idx = try sliceIndexList(sl, a.count)
                for (k, i) in idx.enumerated() where k < items.count { try a.setItem(i, items[k]) }
                return
            }
            try a.setItem(try normIndex(try toIndex(key, "array"), a.count, "array"), value)
            return
        case let inst as PyInstance:
            if let f = inst.cls.lookupUser("__setitem__") { _ = try callValue(f, [c, key, value], []); return }
            if let b = inst.base { try setItem(b, key, value); return }
        default: break
        }
    }
    throw typeError("'\(typeName(c))' object doesn't support item assignment")
}

func byteValue(_ v: Value) throws -> UInt8 {
    let i = try toInt(v)
    guard i >= 0 && i <= 255 else { throw valueError("bytes value out of range") }
    return UInt8(i)
}

func bytesFromValue(_ v: Value) throws -> [UInt8] {
    if let b = bytesLike(v) { return b }
    return try iterateToArray(v).map(byteValue)
}

func delItem(_ c: Value, _ key: Value) throws {
    if case .object(let o) = c {
        switch o {
        case let l as PyList:
            if case .object(let sl as PySlice) = key {
                let idx = Set(try sliceIndexList(sl, l.items.count))
                l.items = l.items.enumerated().filter { !idx.contains($0.offset) }.map { $0.element }
                return
            }
            l.items.remove(at: try normIndex(try toIndex(key, "list"), l.items.count, "list"))
            return
        case let d as PyDict where !d.isSet:
            if try d.remove(key) == nil { throw keyError(key) }
            return
        case let b as PyByteArray:
            if case .object(let sl as PySlice) = key {
                let idx = Set(try sliceIndexList(sl, b.bytes.count))
                b.bytes = b.bytes.enumerated().filter { !idx.contains($0.offset) }.map { $0.element }
                return
            }
            b.bytes.remove(at: try normIndex(try toIndex(key, "bytearray"), b.bytes.count, "bytearray"))
            return
        case let inst as PyInstance:
            if let f = inst.cls.lookupUser("__delitem__") { _ = try callValue(f, [c, key], []); return }
            if let b = inst.base { try delItem(b, key); return }
        default: break
        }
    }
    throw typeError("'\(typeName(c))' object doesn't support item deletion")
}

func contains(_ c: Value, _ item: Value) throws -> Bool {
    switch c {
    case .str(let s):
        guard case .str(let sub) = item else { throw typeError("'in <string>' requires string as left operand, not \(typeName(item))") }
        return sub.value.isEmpty || s.value.contains(sub.value)
    case .object(let o):
        switch o {
        case let l as PyList:
            for x in l.items { if x.isIdentical(item) { return true }; if try pyEquals(x, item) { return true } }
            return false
        case let t as PyTuple:
            for x in t.items { if x.isIdentical(item) { return true }; if try pyEquals(x, item) { return true } }
            return false
        case let d as PyDict: return try d.get(item) != nil
        case let dv as PyDictView where dv.kind == .keys: return try dv.dict.get(item) != nil
        case let r as PyRange:
            guard case .int(let i) = item else { return false }
            if r.step > 0 { return i >= r.start && i < r.stop && (i - r.start) % r.step == 0 }
            return i <= r.start && i > r.stop && (r.start - i) % (-r.step) == 0
        case is PyBytes, is PyByteArray, is PyMemoryView:
            let b = bytesLike(o)!
            if case .int(let i) = item { return b.contains(UInt8(truncatingIfNeeded: i)) && i >= 0 && i < 256 }
            guard let sub = bytesLike(item) else { throw typeError("a bytes-like object is required") }
            return findBytes(b, sub, from: 0) != nil
        case let inst as PyInstance:
            if let f = inst.cls.lookupUser("__contains__") { return try truthy(try callValue(f, [c, item], [])) }
            if let b = inst.base { return try contains(b, item) }
        default: break
        }
    default: break
    }
    var found = false
    do {
        try forEach(c) { x in
            if try pyEquals(x, item) { found = true; return false }
            return true
        }
    } catch let e as PyError where e.exception.cls === typeErrorType {
        throw typeError("argument of type '\(typeName(c))' is not iterable")
    }
    return found
}

/// The first index of `needle` lying wholly inside `window` of `hay`.
func findBytes(_ hay: [UInt8], _ needle: [UInt8], in window: Range<Int>) -> Int? {
    if needle.isEmpty { return window.lowerBound <= hay.count ? window.lowerBound : nil }
    let end = min(window.upperBound, hay.count)
    var i = max(0, window.lowerBound)
    while i + needle.count <= end {
        if hay[i] == needle[0] && Array(hay[i..<(i + needle.count)]) == needle { return i }
        i += 1
    }
    return nil
}

func findBytes(_ hay: [UInt8], _ needle: [UInt8], from: Int) -> Int? {
    findBytes(hay, needle, in: max(0, from)..<max(max(0, from), hay.count))
}

func length(_ v: Value) throws -> Int {
    switch v {
    case .str(let s): return s.count
    case .object(let o):
        switch o {
        case let l as PyList: return l.items.count
        case let t as PyTuple: return t.items.count
        case let d as PyDict: return d.count
        case let b as PyBytes: return b.bytes.count
        case let b as PyByteArray: return b.bytes.count
        case let m as PyMemoryView: return m.count
        case let r as PyRange: return r.count
        case let a as PyArray: return a.count
        case let dv as PyDictView: return dv.dict.count
        case let inst as PyInstance:
            if let f = inst.cls.lookupUser("__len__") { return try toInt(try callValue(f, [v], [])) }
            if let b = inst.base { return try length(b) }
        default: break
        }
    default: break
    }
    throw typeError("object of type '\(typeName(v))' has no len()")
}

/// Advances the source of a builtin iterator (map, zip, filter, enumerate): a StopIteration
/// raised by a user __next__ passes through with its value, as in MicroPython.
func nextValueKeepingStop(_ it: Value) throws -> Value? {
    if case .object(let inst as PyInstance) = it, let f = inst.cls.lookupUser("__next__") {
        do { return try callValue(f, [it], []) } catch let e as PyError where e.exception.cls.isSubclass(of: stopIterationType) {
            // MicroPython keeps only the StopIteration's value and raises a plain one with it.
            throw PyError(exception: makeException(stopIterationType, Array(e.exception.args.prefix(1))))
        }
    }
    if case .object(let n as PyNativeIterator) = it { return try n.step() }
    return try nextValue(it)
}
