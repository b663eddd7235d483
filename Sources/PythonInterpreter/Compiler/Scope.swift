/// Compile-time name resolution for one code object.
final class Scope {
    enum Kind { case module, function, classBody }
    let kind: Kind
    let parent: Scope?
    var slots: [String: Int] = [:]
    var cells: [String: Int] = [:]
    var globals: Set<String> = []
    var assigned: Set<String> = []
    /// Names a class body declares nonlocal: they live in the enclosing function's cells.
    var nonlocals: Set<String> = []
    let code: CodeObject

    init(kind: Kind, parent: Scope?, code: CodeObject) {
        self.kind = kind; self.parent = parent; self.code = code
    }

    enum Ref {
        case local(Int)
        case cell(Int)
        case global(PyStr)
        case classDict(PyStr, cell: Int?)
    }

    func resolve(_ name: String) -> Ref {
        if kind == .module { return .global(PyStr(name)) }
        if globals.contains(name) { return .global(PyStr(name)) }
        if kind == .classBody {
            if nonlocals.contains(name), let c = cells[name] { return .cell(c) }
            if assigned.contains(name) || cells[name] == nil { return .classDict(PyStr(name), cell: cells[name]) }
            return .cell(cells[name]!)
        }
        if let c = cells[name] { return .cell(c) }
        if let s = slots[name] { return .local(s) }
        return .global(PyStr(name))
    }

    /// Whether an enclosing function scope can provide `name` as a closure cell.
    func enclosingProvides(_ name: String) -> Bool {
        var s = parent
        while let sc = s {
            switch sc.kind {
            case .module: return false
            case .classBody:
                if sc.cells[name] != nil && !sc.assigned.contains(name) { return true }
            case .function:
                if sc.globals.contains(name) { return false }
                if sc.cells[name] != nil { return true }
                if sc.slots[name] != nil { return false }
            }
            s = sc.parent
        }
        return false
    }
}
