import BigInt

/// Glue shared by the library modules: engine errors become Python exceptions, and Python
/// values become the bytes and text the engines work on.
enum Pylib {
    /// The Python exception for an engine failure. An empty message raises the exception with
    /// no arguments (MicroPython's bare `ValueError` from `random.randrange`, bare `EOFError`).
    static func exception(_ error: EngineError) -> Error {
        if error.kind == .osError { return oserror(Int(error.message) ?? 22) }
        let cls = allExceptionTypes.first { $0.name == error.kind.rawValue } ?? runtimeErrorType
        if error.message.isEmpty { return PyError(exception: makeException(cls, [])) }
        return pyErr(cls, error.message)
    }

    /// Runs engine code, converting its typed error.
    static func run<T>(_ body: () throws(EngineError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw exception(error)
        }
    }

    /// Runs code that may throw either engine errors or Python exceptions.
    static func runMixed<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as EngineError {
            throw exception(error)
        }
    }

    /// bytes, bytearray, memoryview or array contents; a str counts as its UTF-8 (MicroPython's
    /// buffer protocol accepts str for reading).
    static func buffer(_ value: Value) throws -> [UInt8] {
        if case .str(let text) = value { return Array(text.value.utf8) }
        if let bytes = bytesLike(value) { return bytes }
        throw typeError("object with buffer protocol required")
    }

    static func typeName(_ value: Value) -> String { typeOf(value).name }

    /// MicroPython's message when a str was needed.
    static func strNeeded(_ value: Value) -> Error {
        typeError("can't convert '\(typeName(value))' object to str implicitly")
    }

    /// MicroPython's json and deflate read and write through the stream protocol: its own
    /// streams and subclasses of io.IOBase qualify, an arbitrary object with `read`/`write`
    /// methods does not.
    static func requireStream(_ value: Value) throws {
        switch value {
        case .object(is PyStream): return
        case .object(let instance as PyInstance) where instance.cls.isSubclass(of: ioBaseType): return
        default: throw pyErr(osErrorType, "stream operation not supported")
        }
    }

    static func rejectKeywords(_ kwargs: KwArgs) throws {
        if !kwargs.isEmpty { throw typeError("function doesn't take keyword arguments") }
    }

    /// An int or bool argument at any size, nil for other types.
    static func bigInteger(_ value: Value) -> BigInt? {
        switch value {
        case .bool(let flag): return flag ? 1 : 0
        case .int(let number): return BigInt(number)
        default: return bigValue(value)
        }
    }
}
