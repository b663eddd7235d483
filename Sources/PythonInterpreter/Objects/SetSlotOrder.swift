/// The slot layout of MicroPython's set table, kept beside a set's own hash table.
///
/// MicroPython iterates (and prints) a set in the order of its open-addressed table: slot
/// `hash % size`, linear probing, sizes from a fixed ladder, growth only when every slot is
/// taken, deleted slots left as markers. Programs observe that order (`print({3, 1, 2})` shows
/// `{3, 1, 2}`, a set built by adding 5, 3, 9 shows `{5, 9, 3}`), so the simulator reproduces
/// it exactly instead of iterating in insertion order. Membership is still answered by the
/// fast table in `PyDict`; this layout is touched only when a key is added or removed.
struct SetSlotOrder {
    private enum Slot {
        case empty
        case deleted
        case filled(Value, UInt)
    }

    private var slots: [Slot]
    private(set) var used = 0

    /// `capacity` is MicroPython's initial allocation: the item count of a set display, 0 otherwise.
    init(capacity: Int = 0) {
        slots = Array(repeating: .empty, count: max(0, capacity))
    }

    /// MicroPython's table sizes (py/map.c); past the end a size is made odd.
    private static let sizes: [Int] = [
        0, 2, 4, 6, 8, 10, 12, 17, 23, 29, 37, 47, 59, 73, 97, 127, 167, 223, 293, 389, 521, 691,
        919, 1223, 1627, 2161, 2879, 3833, 5101, 6779, 9017, 11987, 15937, 21179, 28163, 37441,
        49811, 66323, 88289, 117511, 156391, 208139, 277021, 368723, 490903, 653497, 869933,
        1158199, 1542069, 2052583, 2733121, 3639379, 4846073, 6453227, 8593271, 11442319,
        15236879, 20290273, 27019927, 35982677, 47919209, 63816523, 84987517, 113175233,
        150729953, 200748193,
    ]

    private static func size(atLeast n: Int) -> Int {
        for s in sizes where s >= n { return s }
        return n | 1
    }

    /// Places a key the set does not hold yet, the way MicroPython's lookup-and-add does.
    mutating func add(_ key: Value, hash: Int) {
        let h = UInt(bitPattern: hash)
        if slots.isEmpty { grow() }
        while true {
            let n = slots.count
            let start = Int(h % UInt(n))
            var pos = start
            var available = -1
            repeat {
                switch slots[pos] {
                case .empty:
                    slots[available >= 0 ? available : pos] = .filled(key, h)
                    used += 1
                    return
                case .deleted:
                    if available < 0 { available = pos }
                case .filled:
                    break
                }
                pos += 1
                if pos == n { pos = 0 }
            } while pos != start
            if available >= 0 {
                slots[available] = .filled(key, h)
                used += 1
                return
            }
            grow()
        }
    }

    /// Removes the slot holding `key` (the very object the set stores).
    mutating func remove(_ key: Value, hash: Int) {
        let n = slots.count
        if n == 0 { return }
        let start = Int(UInt(bitPattern: hash) % UInt(n))
        var pos = start
        repeat {
            switch slots[pos] {
            case .empty:
                return
            case .filled(let k, _) where k.isIdentical(key):
                used -= 1
                let next = pos + 1 == n ? 0 : pos + 1
                if case .empty = slots[next] { slots[pos] = .empty } else { slots[pos] = .deleted }
                return
            default:
                break
            }
            pos += 1
            if pos == n { pos = 0 }
        } while pos != start
    }

    /// MicroPython's set.pop and dict.popitem: the first filled slot, left as a deleted marker
    /// (a set that becomes empty clears the slot instead).
    mutating func removeFirst(keepingMarker: Bool) -> (Value, Int)? {
        for pos in 0..<slots.count {
            if case .filled(let k, let h) = slots[pos] {
                used -= 1
                slots[pos] = used == 0 && !keepingMarker ? .empty : .deleted
                return (k, Int(bitPattern: h))
            }
        }
        return nil
    }

    mutating func removeAll() {
        slots = []
        used = 0
    }

    /// Keys in slot order.
    var keys: [Value] {
        var r: [Value] = []
        r.reserveCapacity(used)
        for s in slots { if case .filled(let k, _) = s { r.append(k) } }
        return r
    }

    var keysAndHashes: [(Value, Int)] {
        var r: [(Value, Int)] = []
        r.reserveCapacity(used)
        for s in slots { if case .filled(let k, let h) = s { r.append((k, Int(bitPattern: h))) } }
        return r
    }

    var slotCount: Int { slots.count }

    func keyAndHash(at position: inout Int) -> (Value, Int)? {
        while position < slots.count {
            let p = position
            position += 1
            if case .filled(let k, let h) = slots[p] { return (k, Int(bitPattern: h)) }
        }
        return nil
    }

    /// The key in slot `position`, advancing past empty and deleted slots; nil at the end.
    func key(at position: inout Int) -> Value? {
        while position < slots.count {
            let p = position
            position += 1
            if case .filled(let k, _) = slots[p] { return k }
        }
        return nil
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: .empty, count: SetSlotOrder.size(atLeast: old.count + 1))
        used = 0
        for s in old { if case .filled(let k, let h) = s { add(k, hash: Int(bitPattern: h)) } }
    }
}
