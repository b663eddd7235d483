import Foundation

enum Flow { case normal, breakLoop, continueLoop, returnValue }
typealias ExprFn = (Frame) throws -> Value
typealias StmtFn = (Frame) throws -> Flow
typealias StoreFn = (Frame, Value) throws -> Void

/// A compiled function body plus everything needed to bind arguments to slots.
final class CodeObject {
    let name: String
    let filename: String
    var body: StmtFn = { _ in .normal }
    var slotNames: [String] = []
    var cellNames: [String] = []       // own cell variables first, then free variables
    var ownCellCount = 0
    var paramNames: [String] = []      // positional then keyword-only
    var argCount = 0                   // positional parameters
    var kwonlyCount = 0
    var varargsSlot: Int?
    var kwargsSlot: Int?
    var paramCellMap: [(slot: Int, cell: Int)] = []
    var isGenerator = false
    var isAsync = false
    var compKind: CompKind?
    var isClassBody = false
    /// Finished frames kept for reuse, so plain calls don't allocate a frame and its slots.
    var framePool: [Frame] = []
    /// Whether calls can bind positional arguments straight into slots.
    var simpleArgs: Bool { varargsSlot == nil && kwonlyCount == 0 && kwargsSlot == nil && !isGenerator && !isAsync }
    init(name: String, filename: String) { self.name = name; self.filename = filename }
}

/// One activation: local slots in a flat buffer, cells for captured variables.
final class Frame {
    let code: CodeObject
    let locals: UnsafeMutablePointer<Value?>
    let localCount: Int
    var cells: [PyCell]
    let globals: PyDict
    unowned let runtime: Runtime
    var line = 0
    var returnValue: Value = .none
    var classDict: PyDict?
    var function: PyFunction?
    weak var generator: GeneratorChannel?
    var handling: [PyExceptionObject] = []
    var compResult: Value = .none

    init(code: CodeObject, globals: PyDict, runtime: Runtime) {
        self.code = code
        self.globals = globals
        self.runtime = runtime
        localCount = code.slotNames.count
        locals = UnsafeMutablePointer<Value?>.allocate(capacity: max(1, localCount))
        locals.initialize(repeating: nil, count: max(1, localCount))
        cells = []
    }
    deinit {
        locals.deinitialize(count: max(1, localCount))
        locals.deallocate()
    }

    /// Clears a finished frame for reuse by the next call of the same code.
    func recycle() {
        for i in 0..<localCount { locals[i] = nil }
        if !cells.isEmpty { cells = [] }
        if !handling.isEmpty { handling = [] }
        returnValue = .none
        compResult = .none
        function = nil
        line = 0
    }
}

/// A user-defined function (def or lambda) closed over its defaults and cells.
final class PyFunction: PyObject {
    let code: CodeObject
    let globals: PyDict
    unowned let runtime: Runtime
    var defaults: [Value]
    var kwDefaults: [String: Value]
    let closure: [PyCell]
    var name: String
    weak var definingClass: PyClass?
    lazy var attributes = PyDict()

    init(code: CodeObject, globals: PyDict, runtime: Runtime, defaults: [Value], kwDefaults: [String: Value], closure: [PyCell]) {
        self.code = code; self.globals = globals; self.runtime = runtime
        self.defaults = defaults; self.kwDefaults = kwDefaults; self.closure = closure
        self.name = code.name
    }
    override var pyClass: PyClass { functionType }

    /// Method-call fast path: binds self and the arguments without building a joined array.
    func callWithSelf(_ selfValue: Value, _ args: [Value], _ kw: KwArgs) throws -> Value {
        let c = code
        if kw.isEmpty && args.count + 1 == c.argCount && c.simpleArgs {
            let frame = try pooledFrame()
            frame.locals[0] = selfValue
            for i in 0..<args.count { frame.locals[i + 1] = args[i] }
            if c.ownCellCount > 0 || !closure.isEmpty { setUpCells(frame) }
            return try executePooled(frame)
        }
        return try call([selfValue] + args, kw)
    }

    /// One- and two-argument calls from compiled call sites, without an argument array.
    func call1(_ a0: Value) throws -> Value {
        let c = code
        if c.argCount == 1 && c.simpleArgs {
            let frame = try pooledFrame()
            frame.locals[0] = a0
            if c.ownCellCount > 0 || !closure.isEmpty { setUpCells(frame) }
            return try executePooled(frame)
        }
        return try call([a0], [])
    }
    func call2(_ a0: Value, _ a1: Value) throws -> Value {
        let c = code
        if c.argCount == 2 && c.simpleArgs {
            let frame = try pooledFrame()
            frame.locals[0] = a0
            frame.locals[1] = a1
            if c.ownCellCount > 0 || !closure.isEmpty { setUpCells(frame) }
            return try executePooled(frame)
        }
        return try call([a0, a1], [])
    }

    private func pooledFrame() throws -> Frame {
        let rt = runtime
        if rt.depth >= rt.recursionLimit { throw pyErr(runtimeErrorType, "maximum recursion depth exceeded") }
        if rt.interruptPending.pointee != 0 { try rt.raiseInterrupt() }
        if let f = code.framePool.popLast(), f.globals === globals {
            f.function = self
            return f
        }
        let f = Frame(code: code, globals: globals, runtime: rt)
        f.function = self
        return f
    }

    private func executePooled(_ frameIn: Frame) throws -> Value {
        var frame = frameIn
        let rt = runtime
        rt.depth += 1
        defer { rt.depth -= 1 }
        do {
            _ = try code.body(frame)
        } catch let e as PyError {
            e.exception.traceback.append(TraceEntry(file: code.filename, line: frame.line, function: code.name))
            throw e
        }
        let result = frame.returnValue
        if code.framePool.count < 16 && isKnownUniquelyReferenced(&frame) {
            frame.recycle()
            code.framePool.append(frame)
        }
        return result
    }

    func call(_ args: [Value], _ kw: KwArgs) throws -> Value {
        let rt = runtime
        if rt.depth >= rt.recursionLimit { throw pyErr(runtimeErrorType, "maximum recursion depth exceeded") }
        if rt.interruptPending.pointee != 0 { try rt.raiseInterrupt() }
        let frame = Frame(code: code, globals: globals, runtime: rt)
        frame.function = self
        try bindArguments(frame, args, kw)
        return try execute(frame)
    }

    private func execute(_ frame: Frame) throws -> Value {
        let rt = runtime
        if code.isGenerator {
            return .object(PyGenerator(frame: frame, isCoroutine: code.isAsync))
        }
        if code.isAsync {
            return .object(PyGenerator(frame: frame, isCoroutine: true))
        }
        rt.depth += 1
        defer { rt.depth -= 1 }
        do {
            _ = try code.body(frame)
        } catch let e as PyError {
            e.exception.traceback.append(TraceEntry(file: code.filename, line: frame.line, function: code.name))
            throw e
        }
        return frame.returnValue
    }

    private func bindArguments(_ frame: Frame, _ args: [Value], _ kw: KwArgs) throws {
        let c = code
        let locals = frame.locals
        if args.count == c.argCount && kw.isEmpty && c.varargsSlot == nil && c.kwonlyCount == 0 && c.kwargsSlot == nil {
            for i in 0..<args.count { locals[i] = args[i] }
        } else {
            try bindSlow(frame, args, kw)
        }
        if c.ownCellCount > 0 || !closure.isEmpty { setUpCells(frame) }
    }

    private func setUpCells(_ frame: Frame) {
        let c = code
        var cells: [PyCell] = []
        cells.reserveCapacity(c.ownCellCount + closure.count)
        for _ in 0..<c.ownCellCount { cells.append(PyCell()) }
        cells.append(contentsOf: closure)
        frame.cells = cells
        for (slot, cell) in c.paramCellMap { cells[cell].value = frame.locals[slot] }
    }

    private func bindSlow(_ frame: Frame, _ args: [Value], _ kw: KwArgs) throws {
        let c = code
        let locals = frame.locals
        let nPos = c.argCount
        if args.count > nPos {
            if let vs = c.varargsSlot {
                locals[vs] = .tuple(Array(args[nPos...]))
            } else {
                throw typeError("\(name)() takes \(nPos) positional arguments but \(args.count) were given")
            }
        } else if let vs = c.varargsSlot {
            locals[vs] = .tuple([])
        }
        for i in 0..<min(args.count, nPos) { locals[i] = args[i] }
        var extra: PyDict? = nil
        if let ks = c.kwargsSlot {
            let d = PyDict()
            d.reserveSetSlots(kw.count)   // MicroPython sizes **kwargs by the keywords passed
            extra = d; locals[ks] = .object(d)
        }
        for (name, value) in kw {
            if let idx = c.paramNames.firstIndex(of: name) {
                let slot = idx < nPos ? idx : idx + (c.varargsSlot != nil ? 1 : 0)
                if locals[slot] != nil { throw typeError("function got multiple values for argument '\(name)'") }
                locals[slot] = value
            } else if let d = extra {
                d.setStr(name, value)
            } else {
                throw typeError("unexpected keyword argument '\(name)'")
            }
        }
        // defaults for positional parameters
        let firstDefault = nPos - defaults.count
        var missing = 0
        for i in 0..<nPos where locals[i] == nil {
            if i >= firstDefault { locals[i] = defaults[i - firstDefault] } else { missing += 1 }
        }
        if missing > 0 {
            throw typeError("\(name)() takes \(nPos - defaults.count) positional arguments but \(args.count) were given")
        }
        for k in 0..<c.kwonlyCount {
            let slot = nPos + (c.varargsSlot != nil ? 1 : 0) + k
            if locals[slot] == nil {
                let name = c.paramNames[nPos + k]
                if let d = kwDefaults[name] { locals[slot] = d } else {
                    throw typeError("function missing keyword-only argument")
                }
            }
        }
    }
}
