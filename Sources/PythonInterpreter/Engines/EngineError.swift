/// A failure inside a pure engine, named by the Python exception the interpreter must raise.
///
/// Engines know nothing of the interpreter's object model, so they report the exception class
/// and MicroPython's exact message, and the module glue turns that into a Python exception.
public struct EngineError: Error, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case valueError = "ValueError"
        case typeError = "TypeError"
        case overflowError = "OverflowError"
        case indexError = "IndexError"
        case keyError = "KeyError"
        case runtimeError = "RuntimeError"
        case osError = "OSError"
        case eofError = "EOFError"
        case memoryError = "MemoryError"
        case notImplemented = "NotImplementedError"
        case stopIteration = "StopIteration"
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { "\(kind.rawValue): \(message)" }
}
