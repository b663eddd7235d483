/// A hash table keyed by Python values (dict, set and namespaces).
///
/// Entries live in arrays in insertion order; `table` maps hash slots to entry indices with
/// open addressing. Deleted entries leave holes that are compacted on growth. String keys
/// take a fast path that never calls back into Python.
///
/// Iteration follows MicroPython's table order, which programs observe when they print a dict
/// or set (OrderedDict keeps insertion order). Sets track that layout live; a dict replays it
/// from its insertion order when iterated, until its first deletion makes the layout depend on
/// history, from which point it is tracked live too.
final class PyDict: PyObject {
    private(set) var keys: [Value?] = []
    private(set) var values: [Value] = []
    private var hashes: [Int] = []
    private var table: [Int32] = []   // -1 empty, -2 deleted, else entry index
    private(set) var count = 0
    /// Sets keep MicroPython's slot layout too, which decides their iteration order.
    var isSet = false { didSet { order = isSet ? SetSlotOrder() : nil } }
    private var order: SetSlotOrder?
    /// MicroPython's initial allocation: a display's item count, 0 for an empty start.
    private var initialSlots = 0
    /// Entry indices in MicroPython's order, for a dict never deleted from.
    private var replayCache: [Int]?
    var frozen = false
    /// Class for dict subclasses like OrderedDict; nil means plain dict/set.
    var customClass: PyClass?

    override init() {}

    /// An OrderedDict (or a subclass of it): compares with another one in order.
    var isOrderedDict: Bool { customClass?.mro.contains { $0.name == "OrderedDict" } ?? false }

    override var pyClass: PyClass {
        if let c = customClass { return c }
        if isSet { return frozen ? frozensetType : setType }
        return dictType
    }

    private func slotFor(hash: Int, key: Value, eq: (Value, Value) throws -> Bool) throws -> (found: Int?, insertAt: Int) {
        if table.isEmpty { return (nil, -1) }
        let mask = table.count - 1
        var i = hash & mask
        var perturb = UInt(bitPattern: hash)
        var firstDeleted = -1
        while true {
            let e = table[i]
            if e == -1 { return (nil, firstDeleted >= 0 ? firstDeleted : i) }
            if e == -2 {
                if firstDeleted < 0 { firstDeleted = i }
            } else {
                let idx = Int(e)
                if hashes[idx] == hash, let k = keys[idx], try eq(k, key) { return (i, i) }
            }
            perturb >>= 5
            i = (i &* 5 &+ 1 &+ Int(perturb & 0xffff_ffff)) & mask
        }
    }

    private func rebuild(capacity: Int) {
        var newKeys: [Value?] = []; var newValues: [Value] = []; var newHashes: [Int] = []
        newKeys.reserveCapacity(count); newValues.reserveCapacity(count); newHashes.reserveCapacity(count)
        for i in 0..<keys.count where keys[i] != nil {
            newKeys.append(keys[i]); newValues.append(values[i]); newHashes.append(hashes[i])
        }
        keys = newKeys; values = newValues; hashes = newHashes
        var size = 8
        while size < capacity * 2 { size <<= 1 }
        table = Array(repeating: -1, count: size)
        let mask = size - 1
        for (idx, h) in hashes.enumerated() {
            var i = h & mask
            var perturb = UInt(bitPattern: h)
            while table[i] != -1 {
                perturb >>= 5
                i = (i &* 5 &+ 1 &+ Int(perturb & 0xffff_ffff)) & mask
            }
            table[i] = Int32(idx)
        }
    }

    func get(_ key: Value) throws -> Value? {
        if count == 0 { return nil }
        let h = try pyHash(key)
        let (found, _) = try slotFor(hash: h, key: key, eq: pyEquals)
        if let f = found { return values[Int(table[f])] }
        return nil
    }

    func set(_ key: Value, _ value: Value) throws {
        let h = try pyHash(key)
        try insert(hash: h, key: key, value: value, eq: pyEquals)
    }

    private func insert(hash h: Int, key: Value, value: Value, eq: (Value, Value) throws -> Bool) throws {
        try checkMutable()
        if (keys.count + 1) * 3 >= table.count * 2 {
            if count >= currentHeapLimit / 32 { throw pyErr(memoryErrorType, "memory allocation failed") }
            rebuild(capacity: count + 1)
        }
        let (found, insertAt) = try slotFor(hash: h, key: key, eq: eq)
        if let f = found { values[Int(table[f])] = value; return }
        table[insertAt] = Int32(keys.count)
        keys.append(key); values.append(value); hashes.append(h)
        count += 1
        order?.add(key, hash: h)
        replayCache = nil
    }

    /// A set or dict display allocates one slot per item up front, as MicroPython does.
    func reserveSetSlots(_ n: Int) {
        guard count == 0 else { return }
        if isSet { order = SetSlotOrder(capacity: n) } else if order == nil { initialSlots = n; replayCache = nil }
    }

    /// A firmware table (errno.errorcode) that programs may read but not change.
    var isFixed = false
    private func checkMutable() throws {
        if isFixed { throw PyError(exception: makeException(typeErrorType, [.string("")])) }
    }

    /// Set for a class namespace made from an OrderedDict, which keeps its order.
    var keepsInsertionOrder = false

    /// False for OrderedDict (and its subclasses), which iterate in insertion order.
    var followsTableOrder: Bool {
        if keepsInsertionOrder { return false }
        guard let c = customClass else { return true }
        return !c.mro.contains { $0.name == "OrderedDict" }
    }

    private func replayIndices() -> [Int] {
        if let r = replayCache { return r }
        var layout = SetSlotOrder(capacity: initialSlots)
        for i in 0..<keys.count where keys[i] != nil { layout.add(.int(i), hash: hashes[i]) }
        let r = layout.keys.map { v -> Int in if case .int(let i) = v { return i }; return 0 }
        replayCache = r
        return r
    }

    /// The first deletion from a dict: from here on its layout is tracked live.
    private func startTrackingLayout() {
        guard order == nil, !isSet, followsTableOrder else { return }
        var live = SetSlotOrder(capacity: initialSlots)
        for i in 0..<keys.count { if let k = keys[i] { live.add(k, hash: hashes[i]) } }
        order = live
        replayCache = nil
    }

    private func storedValue(_ key: Value, hash: Int) -> Value {
        if let (found, _) = try? slotFor(hash: hash, key: key, eq: { $0.isIdentical($1) }), let f = found {
            return values[Int(table[f])]
        }
        return .none
    }

    @discardableResult
    func remove(_ key: Value) throws -> Value? {
        try checkMutable()
        if count == 0 { return nil }
        let h = try pyHash(key)
        let (found, _) = try slotFor(hash: h, key: key, eq: pyEquals)
        guard let f = found else { return nil }
        let idx = Int(table[f])
        let v = values[idx]
        startTrackingLayout()
        if let k = keys[idx] { order?.remove(k, hash: h) }
        table[f] = -2
        keys[idx] = nil
        values[idx] = .none
        count -= 1
        if count == 0 { keys = []; values = []; hashes = []; table = [] }
        return v
    }

    func clear() {
        keys = []; values = []; hashes = []; table = []; count = 0
        order = isSet ? SetSlotOrder() : nil
        initialSlots = 0; replayCache = nil
    }

    // String fast path: strings compare by content without calling back into Python.
    func getStr(_ name: String) -> Value? {
        if count == 0 { return nil }
        let k = PyStr(name)
        return try? get(.str(k))
    }
    /// Probe specialised for str keys: no allocation, no call back into Python, cached hash.
    func getStr(_ key: PyStr) -> Value? {
        if count == 0 { return nil }
        let h = key.hash
        let mask = table.count - 1
        var i = h & mask
        var perturb = UInt(bitPattern: h)
        while true {
            let e = table[i]
            if e == -1 { return nil }
            if e >= 0 {
                let idx = Int(e)
                if hashes[idx] == h, case .str(let k)? = keys[idx], k === key || k.value == key.value { return values[idx] }
            }
            perturb >>= 5
            i = (i &* 5 &+ 1 &+ Int(perturb & 0xffff_ffff)) & mask
        }
    }
    func setStr(_ name: String, _ value: Value) {
        try? set(.str(PyStr(name)), value)
    }
    func setStr(_ key: PyStr, _ value: Value) {
        if count > 0 {
            let h = key.hash
            let mask = table.count - 1
            var i = h & mask
            var perturb = UInt(bitPattern: h)
            while true {
                let e = table[i]
                if e == -1 { break }
                if e >= 0 {
                    let idx = Int(e)
                    if hashes[idx] == h, case .str(let k)? = keys[idx], k === key || k.value == key.value { values[idx] = value; return }
                }
                perturb >>= 5
                i = (i &* 5 &+ 1 &+ Int(perturb & 0xffff_ffff)) & mask
            }
        }
        try? set(.str(key), value)
    }

    /// Dictionary-style access by attribute name (instance attribute tables).
    subscript(name: String) -> Value? {
        get { getStr(name) }
        set {
            if let v = newValue { setStr(name, v) } else { _ = try? remove(.str(PyStr(name))) }
        }
    }
    @discardableResult
    func removeValue(forKey name: String) -> Value? {
        (try? remove(.str(PyStr(name)))) ?? nil
    }
    var stringKeys: [String] { keyList.compactMap { if case .str(let s) = $0 { return s.value }; return nil } }

    /// Live entries in iteration order (insertion order; MicroPython's slot order for sets).
    var entries: [(key: Value, value: Value)] {
        if let o = order {
            if isSet { return o.keys.map { ($0, Value.none) } }
            return o.keysAndHashes.map { ($0.0, storedValue($0.0, hash: $0.1)) }
        }
        if followsTableOrder { return replayIndices().compactMap { i in keys[i].map { ($0, values[i]) } } }
        var r: [(key: Value, value: Value)] = []
        r.reserveCapacity(count)
        for i in 0..<keys.count { if let k = keys[i] { r.append((k, values[i])) } }
        return r
    }
    var keyList: [Value] {
        if let o = order { return o.keys }
        if followsTableOrder { return replayIndices().compactMap { keys[$0] } }
        return keys.compactMap { $0 }
    }

    /// Position-based iteration that tolerates reads during iteration; returns nil at the end.
    func entry(at position: inout Int) -> (key: Value, value: Value)? {
        if let o = order {
            guard let (k, h) = o.keyAndHash(at: &position) else { return nil }
            return (k, isSet ? .none : storedValue(k, hash: h))
        }
        if followsTableOrder {
            let order = replayIndices()
            while position < order.count {
                let p = order[position]
                position += 1
                if p < keys.count, let k = keys[p] { return (k, values[p]) }
            }
            return nil
        }
        while position < keys.count {
            let p = position
            position += 1
            if let k = keys[p] { return (k, values[p]) }
        }
        return nil
    }
    var storageCount: Int { order?.slotCount ?? keys.count }

    /// dict.popitem(): MicroPython takes the first entry in table order (OrderedDict the last).
    func popItem() -> (key: Value, value: Value)? {
        guard followsTableOrder, count > 0 else { return popLast() }
        startTrackingLayout()
        guard let (k, h) = order?.removeFirst(keepingMarker: true) else { return nil }
        let v = storedValue(k, hash: h)
        let saved = order
        _ = try? remove(k)
        order = saved
        return (k, v)
    }

    func popLast() -> (key: Value, value: Value)? {
        var i = keys.count - 1
        while i >= 0 {
            if let k = keys[i] {
                let v = values[i]
                _ = try? remove(k)
                return (k, v)
            }
            i -= 1
        }
        return nil
    }
    func popFirst() -> (key: Value, value: Value)? {
        if order != nil {
            guard let (k, _) = order?.removeFirst(keepingMarker: false) else { return nil }
            let saved = order
            _ = try? remove(k)
            order = saved
            return (k, .none)
        }
        for i in 0..<keys.count {
            if let k = keys[i] {
                let v = values[i]
                _ = try? remove(k)
                return (k, v)
            }
        }
        return nil
    }

    /// Takes over another table's contents (a set's in-place intersection replaces its table).
    func take(_ other: PyDict) {
        keys = other.keys; values = other.values; hashes = other.hashes; table = other.table
        count = other.count; order = other.order
        initialSlots = other.initialSlots; replayCache = nil
    }

    func copy() -> PyDict {
        let d = PyDict()
        d.keys = keys; d.values = values; d.hashes = hashes; d.table = table; d.count = count
        d.isSet = isSet; d.frozen = frozen; d.order = order
        d.initialSlots = initialSlots; d.replayCache = replayCache
        return d
    }
}
