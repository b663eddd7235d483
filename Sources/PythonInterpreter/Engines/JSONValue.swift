import BigInt

/// A parsed JSON document, independent of the interpreter's objects.
public indirect enum JSONValue: Equatable, Sendable {
    /// Members in document order; keys are usually strings, but MicroPython also accepts numbers.
    case object([JSONMember])
    case array([JSONValue])
    case string(String)
    case integer(BigInt)
    case float(Double)
    case bool(Bool)
    case null
}

public struct JSONMember: Equatable, Sendable {
    public var key: JSONValue
    public var value: JSONValue

    public init(key: JSONValue, value: JSONValue) {
        self.key = key
        self.value = value
    }
}
