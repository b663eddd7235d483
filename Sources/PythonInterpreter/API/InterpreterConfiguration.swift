/// What the embedding program decides about an interpreter: where its I/O goes, how much memory
/// and recursion it may use, and how it identifies itself to Python code (`sys.platform`,
/// `sys.implementation`) so board-detection code in scripts sees the right personality.
public struct InterpreterConfiguration: Sendable {
    public var host: InterpreterHost
    /// Bytes; large allocations past it raise MemoryError (accounting is approximate).
    public var heapLimit: Int
    /// Python call depth past which RuntimeError("maximum recursion depth exceeded") is raised.
    public var recursionLimit: Int
    /// `sys.platform`: "linux" for `sim run`, a board name in the simulator.
    public var platform: String
    /// `sys.implementation.name`: "micropython", or "circuitpython" for that personality.
    public var implementationName: String
    /// `sys.implementation.version` and the version shown in `sys.version`.
    public var version: (major: Int, minor: Int, patch: Int)
    /// `sys.version`'s text.
    public var versionText: String
    /// `sys.implementation._machine`, the board description in `os.uname().machine`.
    public var machine: String
    public var argv: [String]
    /// `sys.path`; "" means the current directory.
    public var path: [String]

    public init(host: InterpreterHost,
                heapLimit: Int = 64 * 1024 * 1024,
                recursionLimit: Int = 200,
                platform: String = "linux",
                implementationName: String = "micropython",
                version: (major: Int, minor: Int, patch: Int) = (1, 24, 0),
                versionText: String = "3.4.0; MicroPython v1.24.0 on 2026-01-01",
                machine: String = "uremote simulator with Swift",
                argv: [String] = [],
                path: [String] = ["", ".frozen", "/lib"]) {
        self.host = host
        self.heapLimit = heapLimit
        self.recursionLimit = recursionLimit
        self.platform = platform
        self.implementationName = implementationName
        self.version = version
        self.versionText = versionText
        self.machine = machine
        self.argv = argv
        self.path = path
    }
}

/// The world outside the interpreter: byte streams for stdio and a filesystem. The simulator
/// implements it over its serial link and flash folder; `uremote sim run` over the terminal.
public protocol InterpreterHost: AnyObject, Sendable {
    func writeStdout(_ bytes: [UInt8])
    func writeStderr(_ bytes: [UInt8])
    /// Blocks until input is available; nil at end of input. Must return promptly after
    /// `Interpreter.interrupt()` (returning nil or the bytes read so far).
    func readStdin(maxCount: Int) -> [UInt8]?
    /// For `select.poll` / `uselect` on stdin.
    func stdinHasData() -> Bool
    var fileSystem: FileSystem { get }
}

/// How a run ended. Tracebacks are already formatted the way MicroPython prints them.
public enum RunOutcome: Sendable, Equatable {
    case completed
    case exception(PythonError)
    case systemExit(code: Int32)
}

/// An uncaught Python exception, formatted for the user.
public struct PythonError: Error, Sendable, Equatable {
    /// The exception class name, e.g. "NameError".
    public let typeName: String
    /// `str(exception)`.
    public let message: String
    /// The full text MicroPython prints: "Traceback (most recent call last):\n  File ..." and
    /// the final "Type: message" line, newline-terminated.
    public let traceback: String
}
