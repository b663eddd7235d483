import Foundation

/// A MicroPython-compatible interpreter. One instance is one board's Python VM: its modules and
/// globals persist between `run` calls (as on a board between REPL inputs) until `reset()`.
///
/// Calls block the calling thread; code runs on an internal thread with a large stack so deep
/// Python recursion ends in RuntimeError instead of overflowing the host stack. Only one run may
/// be active at a time; `interrupt()` may be called from any thread.
public final class Interpreter: @unchecked Sendable {
    public let configuration: InterpreterConfiguration
    private var runtime: Runtime!
    private let interruptFlag: UnsafeMutablePointer<Int>
    private var registeredModules: [NativeModule] = []
    private var registeredSources: [String: String] = [:]

    public init(configuration: InterpreterConfiguration) {
        self.configuration = configuration
        interruptFlag = UnsafeMutablePointer<Int>.allocate(capacity: 1)
        interruptFlag.initialize(to: 0)
        runtime = Runtime(configuration: configuration, interruptFlag: interruptFlag)
    }

    deinit {
        runtime = nil
        interruptFlag.deallocate()
    }

    /// Runs a whole program (file mode), e.g. `uremote sim run`, main.py, raw-REPL code.
    /// The traceback of an uncaught exception is returned, not printed: the caller knows
    /// whether it belongs on stderr (`sim run`) or in the REPL's output stream.
    public func run(source: String, filename: String = "<stdin>") -> RunOutcome {
        execute(source: source, filename: filename, interactive: false)
    }

    /// Runs a host's own set-up code, which may patch firmware modules (sys.stdout, os.mount...);
    /// programs can't, as on MicroPython, where sys, os, machine... are read-only.
    public func runSetup(source: String, filename: String) -> RunOutcome {
        runtime.sealBuiltinModules(false)
        defer { runtime.sealBuiltinModules(true) }
        return execute(source: source, filename: filename, interactive: false, setsFile: false)
    }

    /// Runs one friendly-REPL input ('single' mode: non-None expression values are printed with repr).
    public func runInteractive(source: String) -> RunOutcome {
        execute(source: source, filename: "<stdin>", interactive: true)
    }

    /// Runs a file from the interpreter's filesystem (boot.py, main.py); relative paths use the
    /// interpreter's working directory.
    public func runFile(path: String) -> RunOutcome {
        let rt = runtime!
        let abs = rt.absolutePath(path)
        guard let source = try? rt.readTextFile(abs) else {
            return .exception(PythonError(typeName: "OSError", message: "[Errno 2] ENOENT", traceback: "OSError: [Errno 2] ENOENT\n"))
        }
        return run(source: source, filename: path)
    }

    /// Whether REPL input needs continuation lines (open brackets, block header `:`,
    /// unterminated triple-quoted string, line ending in `\`).
    public static func needsMoreInput(_ source: String) -> Bool {
        ReplInput.needsMore(source)
    }

    /// Thread-safe: running code raises KeyboardInterrupt at the next check (loop back-edges,
    /// calls, inside time.sleep and blocking stdin reads).
    public func interrupt() {
        interruptFlag.pointee = 1
    }

    /// The character that interrupts (micropython.kbd_intr), 3 by default, -1 when disabled; the
    /// simulator reads it to decide whether a received 0x03 calls interrupt().
    public var keyboardInterruptCharacter: Int { runtime.kbdInterruptChar }

    /// The working directory Python sees (os.getcwd()).
    public var currentDirectory: String {
        get { runtime.cwd }
        set { runtime.cwd = runtime.absolutePath(newValue) }
    }

    /// Adds a module implemented by the host (the simulator's machine, board, digitalio...).
    public func registerModule(_ module: NativeModule) {
        registeredModules.append(module)
        runtime.nativeModules[module.name] = module
    }

    /// Adds a module given as Python source, compiled on first import (frozen modules).
    public func registerSourceModule(name: String, source: String) {
        registeredSources[name] = source
        runtime.sourceModules[name] = source
    }

    /// Drops all Python state (soft reset) while keeping registered modules.
    public func reset() {
        let cwd = runtime.cwd
        runtime = Runtime(configuration: configuration, interruptFlag: interruptFlag)
        runtime.cwd = cwd
        for m in registeredModules { runtime.nativeModules[m.name] = m }
        for (n, s) in registeredSources { runtime.sourceModules[n] = s }
        interruptFlag.pointee = 0
    }

    private func execute(source: String, filename: String, interactive: Bool, setsFile: Bool = true) -> RunOutcome {
        let rt = runtime!
        let box = OutcomeBox()
        let done = DispatchSemaphore(value: 0)
        let work = UncheckedSendable {
            box.outcome = Interpreter.runOnCurrentThread(rt, source: source, filename: filename, interactive: interactive, setsFile: setsFile)
            done.signal()
        }
        let thread = Thread { work.value() }
        thread.stackSize = 512 << 20
        thread.start()
        done.wait()
        return box.outcome
    }

    private static func runOnCurrentThread(_ rt: Runtime, source: String, filename: String, interactive: Bool, setsFile: Bool) -> RunOutcome {
        currentHeapLimit = rt.configuration.heapLimit
        rt.depth = 0
        rt.handlingStack = []
        // A Ctrl-C that arrived while nothing was running must not kill the next program.
        rt.interruptPending.pointee = 0
        do {
            let code = try rt.compileSource(source, filename: filename, interactive: interactive)
            // Like MicroPython's file-input execution (a script, main.py, raw-REPL code), the
            // program sees its source name as __file__; single REPL lines do not set it.
            if !interactive && setsFile { rt.mainModule.dict.setStr("__file__", .string(filename)) }
            try rt.runCode(code, globals: rt.mainModule.dict)
            return .completed
        } catch let e as PyError {
            return outcome(for: e.exception, rt)
        } catch {
            return .exception(PythonError(typeName: "RuntimeError", message: "\(error)", traceback: "RuntimeError: \(error)\n"))
        }
    }

    static func outcome(for exc: PyExceptionObject, _ rt: Runtime) -> RunOutcome {
        if exc.cls.isSubclass(of: systemExitType) {
            let code = exc.args.first ?? Value.none
            switch code {
            case .none: return .systemExit(code: 0)
            case .int(let i): return .systemExit(code: Int32(truncatingIfNeeded: i))
            case .bool(let b): return .systemExit(code: b ? 1 : 0)
            default:
                rt.writeErr(((try? str(code)) ?? "") + "\n")
                return .systemExit(code: 1)
            }
        }
        let message = (try? str(.object(exc))) ?? ""
        return .exception(PythonError(typeName: exc.cls.name, message: message, traceback: rt.formatException(exc)))
    }
}

private final class OutcomeBox: @unchecked Sendable {
    var outcome: RunOutcome = .completed
}

/// Lets a non-Sendable closure cross to the interpreter thread; the caller waits for it, so
/// it never runs concurrently with the code that created it.
struct UncheckedSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

/// The friendly REPL's rule for continuation lines.
enum ReplInput {
    static func needsMore(_ source: String) -> Bool {
        var depth = 0
        var i = source.startIndex
        var inString: String? = nil
        while i < source.endIndex {
            let c = source[i]
            if let q = inString {
                if c == "\\" { i = source.index(after: i); if i < source.endIndex { i = source.index(after: i) }; continue }
                if source[i...].hasPrefix(q) { i = source.index(i, offsetBy: q.count); inString = nil; continue }
                if c == "\n" && q.count == 1 { inString = nil }
                i = source.index(after: i)
                continue
            }
            if c == "#" {
                while i < source.endIndex && source[i] != "\n" { i = source.index(after: i) }
                continue
            }
            if c == "\"" || c == "'" {
                let triple = String(repeating: c, count: 3)
                if source[i...].hasPrefix(triple) { inString = triple; i = source.index(i, offsetBy: 3); continue }
                inString = String(c)
                i = source.index(after: i)
                continue
            }
            if "([{".contains(c) { depth += 1 }
            if ")]}".contains(c) { depth -= 1 }
            i = source.index(after: i)
        }
        if let q = inString, q.count == 3 { return true }
        if depth > 0 { return true }
        let trimmed = source.trimmingCharacters(in: .init(charactersIn: " \t\r"))
        if trimmed.hasSuffix("\\") { return true }
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        let compound = lines.contains { line in
            var l = line.trimmingCharacters(in: .whitespaces)
            if let h = l.firstIndex(of: "#") { l = String(l[..<h]).trimmingCharacters(in: .whitespaces) }
            return l.hasSuffix(":") || l.hasPrefix("@")
        }
        if compound {
            guard let last = lines.last else { return true }
            return !last.trimmingCharacters(in: .whitespaces).isEmpty || lines.count < 2 || source.hasSuffix(":")
                ? !(lines.count >= 2 && last.trimmingCharacters(in: .whitespaces).isEmpty) : false
        }
        return false
    }
}
