/// Keyword arguments in call order.
typealias KwArgs = [(String, Value)]
/// The Swift signature of every builtin function and builtin method (self is args[0]).
typealias NativeFn = (_ args: [Value], _ kwargs: KwArgs) throws -> Value

/// A function implemented in Swift.
final class PyBuiltinFunction: PyObject {
    let name: String
    let fn: NativeFn
    init(_ name: String, _ fn: @escaping NativeFn) { self.name = name; self.fn = fn }
    override var pyClass: PyClass { builtinFunctionType }
}

/// A Python exception travelling through Swift code as a thrown error.
struct PyError: Error, @unchecked Sendable {
    let exception: PyExceptionObject
    /// What `generator.throw()` was given when it is not an exception instance (a class or any
    /// object): a `yield from` passes it unchanged to a delegate's own `throw` method.
    var thrown: Value? = nil
}

/// Thrown to unwind a generator thread whose generator object was garbage collected.
struct GeneratorKilled: Error {}

func makeType(_ name: String, _ base: PyClass?, native: NativeKind = .none, _ methods: [(String, NativeFn)] = []) -> PyClass {
    let c = PyClass(name: name, bases: base.map { [$0] } ?? [], builtin: true)
    if native != .none { c.nativeKind = native }
    for (n, f) in methods { c.dict.setStr(n, .object(PyBuiltinFunction(n, f))) }
    return c
}

func addMethods(_ c: PyClass, _ methods: [(String, NativeFn)]) {
    for (n, f) in methods { c.dict.setStr(n, .object(PyBuiltinFunction(n, f))) }
}

nonisolated(unsafe) let objectType = PyClass(name: "object", bases: [], builtin: true)
nonisolated(unsafe) let typeType = makeType("type", objectType)
nonisolated(unsafe) let intType = makeType("int", objectType, native: .int)
nonisolated(unsafe) let boolType = makeType("bool", objectType)
nonisolated(unsafe) let floatType = makeType("float", objectType, native: .float)
nonisolated(unsafe) let complexType = makeType("complex", objectType)
nonisolated(unsafe) let strType = makeType("str", objectType, native: .str)
nonisolated(unsafe) let bytesType = makeType("bytes", objectType, native: .bytes)
nonisolated(unsafe) let bytearrayType = makeType("bytearray", objectType)
nonisolated(unsafe) let memoryviewType = makeType("memoryview", objectType)
nonisolated(unsafe) let listType = makeType("list", objectType, native: .list)
nonisolated(unsafe) let tupleType = makeType("tuple", objectType, native: .tuple)
nonisolated(unsafe) let dictType = makeType("dict", objectType, native: .dict)
nonisolated(unsafe) let setType = makeType("set", objectType, native: .set)
nonisolated(unsafe) let frozensetType = makeType("frozenset", objectType, native: .set)
nonisolated(unsafe) let rangeType = makeType("range", objectType)
nonisolated(unsafe) let sliceType = makeType("slice", objectType)
nonisolated(unsafe) let noneType = makeType("NoneType", objectType)
nonisolated(unsafe) let notImplementedType = makeType("NotImplementedType", objectType)
nonisolated(unsafe) let ellipsisType = makeType("ellipsis", objectType)
nonisolated(unsafe) let functionType = makeType("function", objectType)
nonisolated(unsafe) let builtinFunctionType = makeType("function", objectType)
nonisolated(unsafe) let boundMethodType = makeType("bound_method", objectType)
nonisolated(unsafe) let moduleType = makeType("module", objectType)
nonisolated(unsafe) let generatorType = makeType("generator", objectType)
nonisolated(unsafe) let coroutineType = makeType("generator", objectType)
nonisolated(unsafe) let propertyType = makeType("property", objectType)
nonisolated(unsafe) let staticmethodType = makeType("staticmethod", objectType)
nonisolated(unsafe) let classmethodType = makeType("classmethod", objectType)
nonisolated(unsafe) let superType = makeType("super", objectType)
nonisolated(unsafe) let iteratorType = makeType("iterator", objectType)
nonisolated(unsafe) let closureType = makeType("closure", objectType)

// MARK: exceptions
nonisolated(unsafe) let baseExceptionType = makeType("BaseException", objectType, native: .exception)
nonisolated(unsafe) let systemExitType = makeType("SystemExit", baseExceptionType)
nonisolated(unsafe) let keyboardInterruptType = makeType("KeyboardInterrupt", baseExceptionType)
nonisolated(unsafe) let generatorExitType = makeType("GeneratorExit", baseExceptionType)
nonisolated(unsafe) let exceptionType = makeType("Exception", baseExceptionType)
nonisolated(unsafe) let stopIterationType = makeType("StopIteration", exceptionType)
nonisolated(unsafe) let stopAsyncIterationType = makeType("StopAsyncIteration", exceptionType)
nonisolated(unsafe) let arithmeticErrorType = makeType("ArithmeticError", exceptionType)
nonisolated(unsafe) let overflowErrorType = makeType("OverflowError", arithmeticErrorType)
nonisolated(unsafe) let zeroDivisionErrorType = makeType("ZeroDivisionError", arithmeticErrorType)
nonisolated(unsafe) let assertionErrorType = makeType("AssertionError", exceptionType)
nonisolated(unsafe) let attributeErrorType = makeType("AttributeError", exceptionType)
nonisolated(unsafe) let eofErrorType = makeType("EOFError", exceptionType)
nonisolated(unsafe) let importErrorType = makeType("ImportError", exceptionType)
nonisolated(unsafe) let lookupErrorType = makeType("LookupError", exceptionType)
nonisolated(unsafe) let indexErrorType = makeType("IndexError", lookupErrorType)
nonisolated(unsafe) let keyErrorType = makeType("KeyError", lookupErrorType)
nonisolated(unsafe) let memoryErrorType = makeType("MemoryError", exceptionType)
nonisolated(unsafe) let nameErrorType = makeType("NameError", exceptionType)
nonisolated(unsafe) let osErrorType = makeType("OSError", exceptionType)
nonisolated(unsafe) let runtimeErrorType = makeType("RuntimeError", exceptionType)
nonisolated(unsafe) let notImplementedErrorType = makeType("NotImplementedError", runtimeErrorType)
nonisolated(unsafe) let syntaxErrorType = makeType("SyntaxError", exceptionType)
nonisolated(unsafe) let indentationErrorType = makeType("IndentationError", syntaxErrorType)
nonisolated(unsafe) let typeErrorType = makeType("TypeError", exceptionType)
nonisolated(unsafe) let valueErrorType = makeType("ValueError", exceptionType)
nonisolated(unsafe) let unicodeErrorType = makeType("UnicodeError", valueErrorType)
nonisolated(unsafe) let viperTypeErrorType = makeType("ViperTypeError", exceptionType)

nonisolated(unsafe) let allExceptionTypes: [PyClass] = [
    baseExceptionType, systemExitType, keyboardInterruptType, generatorExitType, exceptionType,
    stopIterationType, stopAsyncIterationType, arithmeticErrorType, overflowErrorType,
    zeroDivisionErrorType, assertionErrorType, attributeErrorType, eofErrorType, importErrorType,
    lookupErrorType, indexErrorType, keyErrorType, memoryErrorType, nameErrorType, osErrorType,
    runtimeErrorType, notImplementedErrorType, syntaxErrorType, indentationErrorType, typeErrorType,
    valueErrorType, unicodeErrorType, viperTypeErrorType,
]

func makeException(_ cls: PyClass, _ args: [Value]) -> PyExceptionObject {
    let e = PyExceptionObject(cls: cls)
    e.args = args
    return e
}

func pyErr(_ cls: PyClass, _ message: String) -> PyError {
    PyError(exception: makeException(cls, [.string(message)]))
}
func typeError(_ m: String) -> PyError { pyErr(typeErrorType, m) }
func valueError(_ m: String) -> PyError { pyErr(valueErrorType, m) }
func indexError(_ m: String) -> PyError { pyErr(indexErrorType, m) }
func attributeError(_ m: String) -> PyError { pyErr(attributeErrorType, m) }
func keyError(_ key: Value) -> PyError { PyError(exception: makeException(keyErrorType, [key])) }
func oserror(_ errno: Int) -> PyError { PyError(exception: makeException(osErrorType, [.int(errno)])) }

func typeOf(_ v: Value) -> PyClass {
    switch v {
    case .none: return noneType
    case .bool: return boolType
    case .int: return intType
    case .float: return floatType
    case .str: return strType
    case .object(let o): return o.pyClass
    }
}

func typeName(_ v: Value) -> String { typeOf(v).name }

/// Native methods check how many arguments they were given before indexing them, so a short
/// call raises MicroPython's TypeError instead of stopping the host.
func needArgs(_ a: [Value], _ n: Int) throws {
    if a.count < n { throw typeError("function missing \(n - a.count) required positional arguments") }
}
