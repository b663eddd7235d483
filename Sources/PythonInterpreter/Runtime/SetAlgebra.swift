/// Set operations performed step by step the way MicroPython performs them.
///
/// A set's iteration order is its slot layout, which depends on which elements were added or
/// removed and in what order; so a union copies the left set and adds the right one's elements,
/// an intersection builds a new set from the right operand's elements, and so on, exactly as
/// on a board. Methods and operators share these steps.
enum SetAlgebra {
    static func update(_ s: PyDict, with other: Value) throws {
        try forEach(other) { try s.set($0, .none); return true }
    }

    static func union(_ s: PyDict, _ other: Value) throws -> PyDict {
        let r = s.copy()
        try update(r, with: other)
        return r
    }

    static func intersection(_ s: PyDict, _ other: Value) throws -> PyDict {
        if case .object(let o) = other, o === s { return s.copy() }
        let out = PyDict(); out.isSet = true; out.frozen = s.frozen
        try forEach(other) { if try s.get($0) != nil { try out.set($0, .none) }; return true }
        return out
    }

    static func intersectionUpdate(_ s: PyDict, _ other: Value) throws {
        if case .object(let o) = other, o === s { return }
        s.take(try intersection(s, other))
    }

    static func differenceUpdate(_ s: PyDict, _ other: Value) throws {
        if case .object(let o) = other, o === s { s.clear(); return }
        try forEach(other) { try s.remove($0); return true }
    }

    static func difference(_ s: PyDict, _ others: ArraySlice<Value>) throws -> PyDict {
        let r = s.copy()
        for o in others { try differenceUpdate(r, o) }
        return r
    }

    static func symmetricDifferenceUpdate(_ s: PyDict, _ other: Value) throws {
        let items = try iterateToArray(other)
        for k in items { if try s.remove(k) == nil { try s.set(k, .none) } }
    }

    static func symmetricDifference(_ s: PyDict, _ other: Value) throws -> PyDict {
        let r = s.copy()
        try symmetricDifferenceUpdate(r, other)
        return r
    }

    /// `x op y` for two sets; nil when the operator does not apply to sets.
    static func binary(_ op: BinOp, _ x: PyDict, _ y: Value) throws -> PyDict? {
        switch op {
        case .or: return try union(x, y)
        case .and: return try intersection(x, y)
        case .sub: return try difference(x, [y])
        case .xor: return try symmetricDifference(x, y)
        default: return nil
        }
    }

    /// `x op= y` on a mutable set; false when the operator does not apply to sets.
    static func inPlace(_ op: BinOp, _ x: PyDict, _ y: Value) throws -> Bool {
        switch op {
        case .or: try update(x, with: y)
        case .and: try intersectionUpdate(x, y)
        case .sub: try differenceUpdate(x, y)
        case .xor: try symmetricDifferenceUpdate(x, y)
        default: return false
        }
        return true
    }
}
