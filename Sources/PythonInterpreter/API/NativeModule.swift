/// # Adding a builtin module from Swift
///
/// A module is a `NativeModule` filled with functions, constants and classes, then handed to
/// `Interpreter.registerModule(_:)` (for host modules such as `machine`) or, inside this target,
/// to `Runtime.builtinModuleMakers` (see Modules/StandardModules.swift; pylib's modules go there):
///
/// ```swift
/// let m = NativeModule(name: "machine")
/// m.function("freq") { args in .int(160_000_000) }
/// m.constant("PIN_COUNT", .int(40))
/// let pin = NativeClass(name: "Pin")
/// pin.constant("OUT", .int(1))
/// pin.initializer { obj, args in obj.nativeState = PinState(id: try args.int(0)) }
/// pin.method("value") { obj, args in
///     guard let state = obj.nativeState as? PinState else { throw PythonException.typeError("not a Pin") }
///     if let v = args.value(0) { state.level = v.isTruthy; return .none }
///     return .int(state.level ? 1 : 0)
/// }
/// m.addClass(pin)
/// interpreter.registerModule(m)
/// ```
///
/// Values cross the boundary as `Value` (`.int`, `.float`, `.bool`, `.none`, `Value.string(_:)`,
/// `Value.makeList`, `Value.makeBytes`...; read back with `intValue`, `stringValue`, `bytesValue`...).
/// Throw `PythonException.valueError("...")` (or any `PythonException` helper) to raise in Python.
/// Instances of native classes are `NativeObject`s: keep Swift state in `nativeState`.
public final class NativeModule {
    public let name: String
    var functions: [(String, (NativeArguments) throws -> Value)] = []
    var constants: [(String, Value)] = []
    var classes: [NativeClass] = []
    /// Python source run in the module's namespace after the Swift members exist, for the parts
    /// that are easier to write in Python.
    public var pythonSource: String?

    public init(name: String) { self.name = name }

    public func function(_ name: String, _ body: @escaping (NativeArguments) throws -> Value) {
        functions.append((name, body))
    }
    public func constant(_ name: String, _ value: Value) { constants.append((name, value)) }
    public func addClass(_ cls: NativeClass) { classes.append(cls) }

    func instantiate(runtime: Runtime) -> PyModule {
        let m = PyModule(name: name)
        m.isFrozenPython = functions.isEmpty && constants.isEmpty && classes.isEmpty && pythonSource != nil
        for (n, v) in constants { m.dict.setStr(n, v) }
        for (n, body) in functions {
            m.dict.setStr(n, .object(PyBuiltinFunction(n) { args, kw in try body(NativeArguments(args, kw)) }))
        }
        for c in classes { m.dict.setStr(c.name, .object(c.pyClass)) }
        if let src = pythonSource, let code = try? runtime.compileSource(src, filename: name) {
            try? runtime.runCode(code, globals: m.dict)
        }
        return m
    }
}

/// The instance type of native classes; Swift state lives in `nativeState`.
public typealias NativeObject = PyInstance

/// A Python class whose methods are Swift closures (machine.Pin, digitalio.DigitalInOut...).
/// Python code may subclass it.
public final class NativeClass {
    public let name: String
    let pyClass: PyClass

    public init(name: String, base: NativeClass? = nil) {
        self.name = name
        pyClass = PyClass(name: name, bases: [base?.pyClass ?? objectType])
    }

    /// Runs when Python calls the class; `obj` is the new instance.
    public func initializer(_ body: @escaping (NativeObject, NativeArguments) throws -> Void) {
        pyClass.dict.setStr("__init__", .object(PyBuiltinFunction("__init__!") { args, kw in
            guard case .object(let inst as PyInstance)? = args.first else { throw typeError("bad self") }
            try body(inst, NativeArguments(Array(args.dropFirst()), kw))
            return .none
        }))
    }

    public func method(_ name: String, _ body: @escaping (NativeObject, NativeArguments) throws -> Value) {
        pyClass.dict.setStr(name, .object(PyBuiltinFunction(name) { args, kw in
            guard case .object(let inst as PyInstance)? = args.first else { throw typeError("unbound method \(name) needs an instance") }
            return try body(inst, NativeArguments(Array(args.dropFirst()), kw))
        }))
    }

    /// A method callable on the class itself (`Pin.board.LED`-style helpers).
    public func staticMethod(_ name: String, _ body: @escaping (NativeArguments) throws -> Value) {
        pyClass.dict.setStr(name, .object(PyStaticMethod(.object(PyBuiltinFunction(name) { args, kw in
            try body(NativeArguments(args, kw))
        }))))
    }

    public func property(_ name: String, get: @escaping (NativeObject) throws -> Value, set: ((NativeObject, Value) throws -> Void)? = nil) {
        let getter = PyBuiltinFunction(name) { args, _ in
            guard case .object(let inst as PyInstance)? = args.first else { throw typeError("bad self") }
            return try get(inst)
        }
        var setter: Value = .none
        if let set {
            setter = .object(PyBuiltinFunction(name) { args, _ in
                guard case .object(let inst as PyInstance)? = args.first, args.count == 2 else { throw typeError("bad self") }
                try set(inst, args[1])
                return .none
            })
        }
        pyClass.dict.setStr(name, .object(PyProperty(.object(getter), setter, .none)))
    }

    public func constant(_ name: String, _ value: Value) { pyClass.dict.setStr(name, value) }

    /// The class as a Python value (to store in another class or module).
    public var value: Value { .object(pyClass) }

    /// A new instance without running the initializer, for Swift code that hands objects to Python.
    public func makeInstance(state: AnyObject?) -> Value {
        let inst = PyInstance(cls: pyClass)
        inst.nativeState = state
        return .object(inst)
    }
}

/// Arguments of a native call, with converters that raise the TypeError MicroPython would.
public struct NativeArguments {
    public let positional: [Value]
    public let keywords: [(String, Value)]
    init(_ p: [Value], _ k: [(String, Value)]) { positional = p; keywords = k }

    public var count: Int { positional.count }

    /// Positional argument `index`, or the keyword `keyword` when given.
    public func value(_ index: Int, _ keyword: String? = nil) -> Value? {
        if index < positional.count { return positional[index] }
        if let keyword { return keywords.first { $0.0 == keyword }?.1 }
        return nil
    }
    public func int(_ index: Int, _ keyword: String? = nil, default d: Int? = nil) throws -> Int {
        guard let v = value(index, keyword) else {
            if let d { return d }
            throw typeError("function missing required positional argument #\(index + 1)")
        }
        return try toInt(v)
    }
    public func double(_ index: Int, _ keyword: String? = nil, default d: Double? = nil) throws -> Double {
        guard let v = value(index, keyword) else {
            if let d { return d }
            throw typeError("function missing required positional argument #\(index + 1)")
        }
        return try toDouble(v)
    }
    public func string(_ index: Int, _ keyword: String? = nil, default d: String? = nil) throws -> String {
        guard let v = value(index, keyword) else {
            if let d { return d }
            throw typeError("function missing required positional argument #\(index + 1)")
        }
        return try toStr(v)
    }
    public func bytes(_ index: Int, _ keyword: String? = nil) throws -> [UInt8] {
        guard let v = value(index, keyword) else { throw typeError("function missing required positional argument #\(index + 1)") }
        return try bytesFromValue(v)
    }
    public func bool(_ index: Int, _ keyword: String? = nil, default d: Bool = false) throws -> Bool {
        guard let v = value(index, keyword) else { return d }
        return try truthy(v)
    }
}

/// Raising Python exceptions from Swift code.
public enum PythonException {
    public static func typeError(_ message: String) -> Error { pyErr(typeErrorType, message) }
    public static func valueError(_ message: String) -> Error { pyErr(valueErrorType, message) }
    public static func runtimeError(_ message: String) -> Error { pyErr(runtimeErrorType, message) }
    public static func notImplemented(_ message: String) -> Error { pyErr(notImplementedErrorType, message) }
    public static func keyboardInterrupt() -> Error { PyError(exception: makeException(keyboardInterruptType, [])) }
    /// OSError(errno), printed by MicroPython as "[Errno 2] ENOENT".
    public static func osError(errno: Int) -> Error { oserror(errno) }
    /// SystemExit(code): ends the program like sys.exit.
    public static func systemExit(_ code: Int) -> Error { PyError(exception: makeException(systemExitType, [.int(code)])) }
    /// Any builtin exception by name ("IndexError"...); unknown names give RuntimeError.
    public static func named(_ typeName: String, _ message: String) -> Error {
        let cls = allExceptionTypes.first { $0.name == typeName } ?? runtimeErrorType
        return pyErr(cls, message)
    }
}

extension Value {
    public static func makeList(_ items: [Value]) -> Value { .object(PyList(items)) }
    public static func makeTuple(_ items: [Value]) -> Value { .object(PyTuple(items)) }
    public static func makeBytes(_ b: [UInt8]) -> Value { .object(PyBytes(b)) }
    public static func makeDict(_ pairs: [(String, Value)]) -> Value {
        let d = PyDict()
        for (k, v) in pairs { d.setStr(k, v) }
        return .object(d)
    }
    public var intValue: Int? { try? toInt(self) }
    public var doubleValue: Double? { try? toDouble(self) }
    public var stringValue: String? { if case .str(let s) = self { return s.value }; return nil }
    public var bytesValue: [UInt8]? { bytesLike(self) }
    public var isTruthy: Bool { (try? truthy(self)) ?? true }
    /// Elements of a list or tuple (or any iterable).
    public var arrayValue: [Value]? { try? iterateToArray(self) }
    /// The instance behind a native class object, when it is one.
    public var nativeObject: NativeObject? { if case .object(let o as PyInstance) = self { return o }; return nil }
    /// Calls a Python callable (an IRQ handler, a callback) from Swift.
    public func call(_ args: [Value]) throws -> Value { try callValue(self, args, []) }
    /// repr() of the value, for messages.
    public var reprText: String { (try? repr(self)) ?? "<?>" }
}
