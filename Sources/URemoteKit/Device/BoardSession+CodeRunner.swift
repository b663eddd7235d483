/// The session is what drives a real board's filesystem; this maps its API and errors onto the
/// filesystem layer's.
extension BoardSession: BoardCodeRunner {
    public var receiveWindow: Int? { rawPasteWindow }

    public func runCode(_ code: String, timeout: Duration?) throws -> BoardOutput {
        let result: ExecutionResult
        do { result = try execute(code, timeout: timeout) } catch { throw BoardFileError(error) }
        if result.raisedException { throw BoardFileError.boardException(result.errorText) }
        return BoardOutput(output: result.output, errorOutput: result.errorOutput)
    }

    public func startCode(_ code: String) throws {
        do { try startExecution(code) } catch { throw BoardFileError(error) }
    }

    public func finishCode(timeout: Duration?) throws -> BoardOutput {
        let result: ExecutionResult
        do { result = try finishExecution(timeout: timeout, onOutput: nil) } catch { throw BoardFileError(error) }
        if result.raisedException { throw BoardFileError.boardException(result.errorText) }
        return BoardOutput(output: result.output, errorOutput: result.errorOutput)
    }
}

extension BoardFileError {
    init(_ error: SessionError) {
        switch error {
        case .boardException(let traceback): self = .boardException(traceback)
        default: self = .session(error.description)
        }
    }
}
