/// What a piece of code printed on the board, split the way the raw REPL frames it.
public struct ExecutionResult: Sendable, Equatable {
    /// Everything the code wrote to stdout, byte for byte (the board decides on `\n` or `\r\n`).
    public var output: [UInt8]
    /// The traceback of an exception that escaped the code; empty when it finished normally.
    public var errorOutput: [UInt8]

    /// True when the code ended with an exception, which is how the CLI picks exit status 1.
    public var raisedException: Bool { !errorOutput.isEmpty }

    public init(output: [UInt8] = [], errorOutput: [UInt8] = []) {
        self.output = output
        self.errorOutput = errorOutput
    }

    /// The traceback as text (invalid UTF-8 repaired), for error messages.
    public var errorText: String { String(decoding: errorOutput, as: UTF8.self) }
}
