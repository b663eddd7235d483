import Foundation

func selfList(_ a: [Value]) throws -> PyList {
    if case .object(let l as PyList)? = a.first { return l }
    if case .object(let inst as PyInstance)? = a.first, case .object(let l as PyList)? = inst.base { return l }
    throw typeError("descriptor requires a 'list' object")
}
func selfDict(_ a: [Value]) throws -> PyDict {
    if case .object(let d as PyDict)? = a.first { return d }
    if case .object(let inst as PyInstance)? = a.first, case .object(let d as PyDict)? = inst.base { return d }
    throw typeError("descriptor requires a 'dict' object")
}

func installListMethods() {
    addMethods(listType, [
        ("append", { a, _ in
            guard a.count == 2 else { throw typeError("function takes 2 positional arguments but \(a.count) were given") }
            let l = try selfList(a)
            if l.items.count >= currentHeapLimit / 16 { throw pyErr(memoryErrorType, "memory allocation failed") }
            l.items.append(a[1]); return .none }),
        ("extend", { a, _ in
            try needArgs(a, 2)
            let l = try selfList(a)
            l.items.append(contentsOf: try iterateToArray(a[1]))
            return .none
        }),
        ("insert", { a, _ in
            try needArgs(a, 3)
            let l = try selfList(a)
            var i = try toInt(a[1])
            let n = l.items.count
            if i < 0 { i = max(0, i + n) }
            l.items.insert(a[2], at: min(i, n))
            return .none
        }),
        ("pop", { a, _ in
            let l = try selfList(a)
            if l.items.isEmpty { throw indexError("pop from empty list") }
            if a.count > 1 {
                let i = try normIndex(try toInt(a[1]), l.items.count, "list")
                return l.items.remove(at: i)
            }
            return l.items.removeLast()
        }),
        ("remove", { a, _ in
            try needArgs(a, 2)
            let l = try selfList(a)
            for (i, x) in l.items.enumerated() where try pyEquals(x, a[1]) { l.items.remove(at: i); return .none }
            throw valueError("object not in sequence")
        }),
        ("index", { a, _ in try sequenceIndex(try selfList(a).items, a) }),
        ("count", { a, _ in
            try needArgs(a, 2)
            let l = try selfList(a)
            var c = 0
            for x in l.items where try pyEquals(x, a[1]) { c += 1 }
            return .int(c)
        }),
        ("reverse", { a, _ in let l = try selfList(a); l.items.reverse(); return .none }),
        ("clear", { a, _ in try selfList(a).items.removeAll(); return .none }),
        ("copy", { a, _ in .list(try selfList(a).items) }),
        ("sort", { a, kw in
            if a.count > 1 { throw typeError("function takes 1 positional arguments but \(a.count) were given") }
            try sortList(try selfList(a), kw); return .none }),
        ("__len__", { a, _ in .int(try selfList(a).items.count) }),
        ("__getitem__", { a, _ in try needArgs(a, 2); return try getItem(.object(try selfList(a)), a[1]) }),
        ("__setitem__", { a, _ in try needArgs(a, 3); try setItem(.object(try selfList(a)), a[1], a[2]); return .none }),
        ("__delitem__", { a, _ in try needArgs(a, 2); try delItem(.object(try selfList(a)), a[1]); return .none }),
        ("__contains__", { a, _ in try needArgs(a, 2); return .bool(try contains(.object(try selfList(a)), a[1])) }),
        ("__iter__", { a, _ in try getIter(.object(try selfList(a))) }),
        ("__add__", { a, _ in try needArgs(a, 2); return try binaryOp(.add, .object(try selfList(a)), a[1]) }),
        ("__iadd__", { a, _ in try needArgs(a, 2); _ = try inplaceOp(.add, .object(try selfList(a)), a[1]); return a[0] }),
        ("__eq__", { a, _ in try needArgs(a, 2); return .bool(try pyEquals(.object(try selfList(a)), a[1])) }),
        ("__init__", { a, _ in
            if a.count > 1 { let l = try selfList(a); l.items = try iterateToArray(a[1]) }
            return .none
        }),
    ])
    addMethods(tupleType, [
        ("index", { a, _ in
            try needArgs(a, 1)
            guard case .object(let t as PyTuple) = a[0] else { throw typeError("bad self") }
            return try sequenceIndex(t.items, a)
        }),
        ("count", { a, _ in
            try needArgs(a, 2)
            guard case .object(let t as PyTuple) = a[0] else { throw typeError("bad self") }
            var c = 0
            for x in t.items where try pyEquals(x, a[1]) { c += 1 }
            return .int(c)
        }),
        ("__len__", { a, _ in try needArgs(a, 1); return .int(try length(a[0])) }),
        ("__getitem__", { a, _ in try needArgs(a, 2); return try getItem(a[0], a[1]) }),
        ("__contains__", { a, _ in try needArgs(a, 2); return .bool(try contains(a[0], a[1])) }),
        ("__iter__", { a, _ in try needArgs(a, 1); return try getIter(a[0]) }),
    ])
}

func installDictMethods() {
    addMethods(dictType, [
        ("keys", { a, _ in let d = try selfDict(a); return .object(PyDictView(d, .keys)) }),
        ("values", { a, _ in let d = try selfDict(a); return .object(PyDictView(d, .values)) }),
        ("items", { a, _ in let d = try selfDict(a); return .object(PyDictView(d, .items)) }),
        ("get", { a, _ in
            let d = try selfDict(a)
            guard a.count >= 2 else { throw typeError("function missing required argument") }
            return try d.get(a[1]) ?? (a.count > 2 ? a[2] : .none)
        }),
        ("setdefault", { a, _ in
            try needArgs(a, 2)
            let d = try selfDict(a)
            if let v = try d.get(a[1]) { return v }
            let v = a.count > 2 ? a[2] : .none
            try d.set(a[1], v)
            return v
        }),
        ("pop", { a, _ in
            try needArgs(a, 2)
            let d = try selfDict(a)
            if let v = try d.remove(a[1]) { return v }
            if a.count > 2 { return a[2] }
            throw keyError(a[1])
        }),
        ("popitem", { a, _ in
            if try selfDict(a).isFixed { throw PyError(exception: makeException(typeErrorType, [.string("")])) }
            let d = try selfDict(a)
            guard let e = d.popItem() else { throw PyError(exception: makeException(keyErrorType, [.string("popitem(): dictionary is empty")])) }
            return .tuple([e.key, e.value])
        }),
        ("update", { a, kw in try dictUpdate(try selfDict(a), Array(a.dropFirst()), kw); return .none }),
        ("clear", { a, _ in
            let d = try selfDict(a)
            if d.isFixed { throw PyError(exception: makeException(typeErrorType, [.string("")])) }
            d.clear(); return .none
        }),
        ("copy", { a, _ in
            let d = try selfDict(a).copy()
            return .object(d)
        }),
        ("fromkeys", { a, _ in
            try needArgs(a, 2)
            let d = PyDict()
            let v = a.count > 2 ? a[2] : .none
            // MicroPython sizes the table from the argument's length when it has one.
            if let n = try? length(a[1]) { d.reserveSetSlots(n) }
            try forEach(a[1]) { try d.set($0, v); return true }
            return .object(d)
        }),
        ("__len__", { a, _ in .int(try selfDict(a).count) }),
        ("__getitem__", { a, _ in try needArgs(a, 2); return try getItem(.object(try selfDict(a)), a[1]) }),
        ("__setitem__", { a, _ in try needArgs(a, 3); try selfDict(a).set(a[1], a[2]); return .none }),
        ("__delitem__", { a, _ in try needArgs(a, 2); try delItem(.object(try selfDict(a)), a[1]); return .none }),
        ("__contains__", { a, _ in try needArgs(a, 2); return .bool(try selfDict(a).get(a[1]) != nil) }),
        ("__iter__", { a, _ in try getIter(.object(try selfDict(a))) }),
        ("__eq__", { a, _ in try needArgs(a, 2); return .bool(try pyEquals(.object(try selfDict(a)), a[1])) }),
        ("__init__", { a, kw in try dictUpdate(try selfDict(a), Array(a.dropFirst()), kw); return .none }),
    ])
    if case .object(let fk as PyBuiltinFunction)? = dictType.dict.getStr("fromkeys") {
        dictType.dict.setStr("fromkeys", .object(PyClassMethod(.object(PyBuiltinFunction("fromkeys") { a, kw in
            let d = try fk.fn(a, kw)
            if case .object(let c as PyClass)? = a.first, c !== dictType, case .object(let dd as PyDict) = d { dd.customClass = c }
            return d
        }))))
    }
    addMethods(dictViewType, [
        ("__iter__", { a, _ in try needArgs(a, 1); return try getIter(a[0]) }),
        ("__len__", { a, _ in try needArgs(a, 1); return .int(try length(a[0])) }),
    ])
}

/// dict.keys()/values()/items(): live views over the dict.
final class PyDictView: PyObject {
    enum Kind { case keys, values, items }
    let dict: PyDict
    let kind: Kind
    init(_ d: PyDict, _ k: Kind) { dict = d; kind = k }
    override var pyClass: PyClass { dictViewType }
    var items: [Value] {
        switch kind {
        case .keys: return dict.keyList
        case .values: return dict.entries.map { $0.value }
        case .items: return dict.entries.map { .tuple([$0.key, $0.value]) }
        }
    }
}
nonisolated(unsafe) let dictViewType = makeType("dict_view", objectType)

func selfSet(_ a: [Value]) throws -> PyDict {
    if case .object(let d as PyDict)? = a.first, d.isSet { return d }
    if case .object(let inst as PyInstance)? = a.first, case .object(let d as PyDict)? = inst.base, d.isSet { return d }
    throw typeError("descriptor requires a 'set' object")
}

private func newSet(_ frozen: Bool) -> PyDict { let d = PyDict(); d.isSet = true; d.frozen = frozen; return d }

private func otherKeys(_ v: Value) throws -> [Value] {
    if case .object(let d as PyDict) = v { return d.keyList }
    return try iterateToArray(v)
}

func installSetMethods() {
    let methods: [(String, NativeFn)] = [
        ("add", { a, _ in try needArgs(a, 2); try selfSet(a).set(a[1], .none); return .none }),
        ("remove", { a, _ in try needArgs(a, 2); if try selfSet(a).remove(a[1]) == nil { throw keyError(a[1]) }; return .none }),
        ("discard", { a, _ in try needArgs(a, 2); _ = try selfSet(a).remove(a[1]); return .none }),
        ("pop", { a, _ in
            guard let e = try selfSet(a).popFirst() else { throw PyError(exception: makeException(keyErrorType, [.string("pop from an empty set")])) }
            return e.key
        }),
        ("clear", { a, _ in try selfSet(a).clear(); return .none }),
        ("copy", { a, _ in .object(try selfSet(a).copy()) }),
        ("update", { a, _ in
            let s = try selfSet(a)
            for o in a.dropFirst() { try SetAlgebra.update(s, with: o) }
            return .none
        }),
        ("union", { a, _ in
            var r = try selfSet(a)
            for o in a.dropFirst() { r = try SetAlgebra.union(r, o) }
            return .object(a.count == 1 ? r.copy() : r)
        }),
        ("intersection", { a, _ in
            var r = try selfSet(a)
            for o in a.dropFirst() { r = try SetAlgebra.intersection(r, o) }
            return .object(a.count == 1 ? r.copy() : r)
        }),
        ("intersection_update", { a, _ in
            let s = try selfSet(a)
            for o in a.dropFirst() { try SetAlgebra.intersectionUpdate(s, o) }
            return .none
        }),
        ("difference", { a, _ in .object(try SetAlgebra.difference(try selfSet(a), a.dropFirst())) }),
        ("difference_update", { a, _ in
            let s = try selfSet(a)
            for o in a.dropFirst() { try SetAlgebra.differenceUpdate(s, o) }
            return .none
        }),
        ("symmetric_difference", { a, _ in
            try argCount(a, 2, 2, "symmetric_difference")
            return .object(try SetAlgebra.symmetricDifference(try selfSet(a), a[1]))
        }),
        ("symmetric_difference_update", { a, _ in
            try argCount(a, 2, 2, "symmetric_difference_update")
            try SetAlgebra.symmetricDifferenceUpdate(try selfSet(a), a[1])
            return .none
        }),
        ("issubset", { a, _ in
            try needArgs(a, 2)
            let s = try selfSet(a)
            let other = newSet(false)
            for k in try otherKeys(a[1]) { try other.set(k, .none) }
            return .bool(try s.keyList.allSatisfy { try other.get($0) != nil })
        }),
        ("issuperset", { a, _ in
            try needArgs(a, 2)
            let s = try selfSet(a)
            return .bool(try otherKeys(a[1]).allSatisfy { try s.get($0) != nil })
        }),
        ("isdisjoint", { a, _ in
            try needArgs(a, 2)
            let s = try selfSet(a)
            return .bool(try otherKeys(a[1]).allSatisfy { try s.get($0) == nil })
        }),
        ("__len__", { a, _ in .int(try selfSet(a).count) }),
        ("__contains__", { a, _ in try needArgs(a, 2); return .bool(try selfSet(a).get(a[1]) != nil) }),
        ("__iter__", { a, _ in try getIter(.object(try selfSet(a))) }),
    ]
    addMethods(setType, methods)
    let frozenOK: Set<String> = ["copy", "union", "intersection", "difference", "symmetric_difference", "issubset", "issuperset", "isdisjoint", "__len__", "__contains__", "__iter__"]
    addMethods(frozensetType, methods.filter { frozenOK.contains($0.0) })
}

/// `list.index(x[, start[, end]])` and `tuple.index`: the window follows slice rules.
func sequenceIndex(_ items: [Value], _ a: [Value]) throws -> Value {
    guard a.count >= 2 else { throw typeError("function missing 1 required positional arguments") }
    var start = a.count > 2 ? try toInt(a[2]) : 0
    var end = a.count > 3 ? try toInt(a[3]) : items.count
    if start < 0 { start = max(0, start + items.count) }
    if end < 0 { end += items.count }
    end = min(end, items.count)
    var i = start
    while i < end { if try pyEquals(items[i], a[1]) { return .int(i) }; i += 1 }
    throw valueError("object not in sequence")
}
