/// One lexical token with the line it starts on (for tracebacks and SyntaxError).
struct Token {
    enum Kind: Equatable {
        case name(String)
        case int(String)        // digits with prefix, underscores removed
        case float(Double)
        case imaginary(Double)
        case string(String)
        case bytes([UInt8])
        case fstring([FStringPart])
        case op(String)
        case newline
        case indent
        case dedent
        case eof
    }
    let kind: Kind
    let line: Int
}

enum FStringPart: Equatable {
    case literal(String)
    /// Expression source, conversion character (r/s/a), format spec parts, and "=" debug text.
    case expression(String, Character?, [FStringPart]?, String?)
}

/// A syntax error with MicroPython's wording and the line it was found on.
struct SyntaxErrorInfo: Error {
    let message: String
    let line: Int
    var typeName = "SyntaxError"
    /// Compile-stage errors name the scope in the traceback; tokenizer/parser errors don't.
    var scope: String? = nil
}
