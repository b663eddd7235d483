import Foundation

/// Hands control back and forth between a generator's body (running on its own thread, so the
/// closure-compiled code can suspend mid-expression) and whoever resumes it. Only one side runs
/// at a time, so interpreter state is never touched concurrently.
final class GeneratorChannel: @unchecked Sendable {
    enum Message { case send(Value), raise(PyError), kill }
    enum Outcome { case yielded(Value), returned(Value), raised(Error) }

    let toGenerator = DispatchSemaphore(value: 0)
    let toCaller = DispatchSemaphore(value: 0)
    var message: Message = .send(.none)
    var outcome: Outcome = .returned(.none)
    var killed = false
    var frame: Frame?

    /// Called on the generator thread by `yield`.
    func yieldValue(_ v: Value) throws -> Value {
        if killed { throw GeneratorKilled() }
        outcome = .yielded(v)
        toCaller.signal()
        toGenerator.wait()
        switch message {
        case .send(let x): return x
        case .raise(let e): throw e
        case .kill: killed = true; throw GeneratorKilled()
        }
    }
}

/// A generator or coroutine object.
final class PyGenerator: PyObject {
    let channel = GeneratorChannel()
    let name: String
    let isCoroutine: Bool
    private var started = false
    private(set) var finished = false
    private var running = false
    var returnValue: Value = .none
    private let depthAtCreation: Int
    /// An exception queued by MicroPython's `pend_throw`, raised at the next resume.
    var pendingThrow: Value?

    /// The value for the StopIteration ending this generator; only the first one carries the
    /// return value, later resumes of a finished generator stop with no value.
    func takeReturnValue() -> Value {
        defer { returnValue = .none }
        return returnValue
    }

    init(frame: Frame, isCoroutine: Bool) {
        channel.frame = frame
        frame.generator = channel
        name = frame.code.name
        self.isCoroutine = isCoroutine
        depthAtCreation = frame.runtime.depth
    }
    override var pyClass: PyClass { isCoroutine ? coroutineType : generatorType }

    deinit {
        if started && !finished {
            channel.message = .kill
            channel.toGenerator.signal()
            channel.toCaller.wait()
        }
    }

    private func start() {
        started = true
        let ch = channel
        let thread = Thread {
            ch.toGenerator.wait()
            guard let frame = ch.frame else { ch.toCaller.signal(); return }
            switch ch.message {
            case .kill:
                ch.outcome = .returned(.none)
            case .raise(let e):
                ch.outcome = .raised(e)
            case .send:
                let rt = frame.runtime
                do {
                    _ = try frame.code.body(frame)
                    ch.outcome = .returned(frame.returnValue)
                } catch let e as PyError {
                    e.exception.traceback.append(TraceEntry(file: frame.code.filename, line: frame.line, function: frame.code.name))
                    ch.outcome = .raised(e)
                } catch {
                    ch.outcome = .raised(error)
                }
                _ = rt
            }
            ch.frame = nil
            ch.toCaller.signal()
        }
        thread.stackSize = 64 << 20
        thread.start()
    }

    /// Resumes with a sent value; nil when the generator finished (its return value is kept).
    func resume(_ sent: Value) throws -> Value? {
        if finished { return nil }
        if let p = pendingThrow {
            pendingThrow = nil
            if let e = p.asObject as? PyExceptionObject { return try throwIn(PyError(exception: e)) }
            return try throwIn(PyError(exception: try makeRaisable(p)))
        }
        if running { throw valueError("generator already executing") }
        if !started, !sent.isNone { throw typeError("can't send non-None value to a just-started generator") }
        channel.message = .send(sent)
        return try transfer()
    }

    func throwIn(_ error: PyError) throws -> Value? {
        if finished { throw error }
        if !started {
            finished = true
            throw error
        }
        channel.message = .raise(error)
        return try transfer()
    }

    func close() throws {
        if finished || !started { finished = true; return }
        channel.message = .raise(PyError(exception: makeException(generatorExitType, [])))
        do {
            if try transfer() != nil { throw pyErr(runtimeErrorType, "generator ignored GeneratorExit") }
        } catch let e as PyError where e.exception.cls === generatorExitType || e.exception.cls === stopIterationType {
            return
        }
    }

    private func transfer() throws -> Value? {
        if !started { start() }
        running = true
        let rt = channel.frame?.runtime
        let savedDepth = rt?.depth ?? 0
        rt?.depth += 1
        channel.toGenerator.signal()
        channel.toCaller.wait()
        rt?.depth = savedDepth
        running = false
        switch channel.outcome {
        case .yielded(let v): return v
        case .returned(let v):
            finished = true
            returnValue = v
            return nil
        case .raised(let e):
            finished = true
            if let pe = e as? PyError, pe.exception.cls.isSubclass(of: stopIterationType) {
                throw pyErr(runtimeErrorType, "generator raised StopIteration")
            }
            throw e
        }
    }
}
