import PythonInterpreter

/// The board's `ScriptEngine` backed by uremote's Python interpreter, with the board's modules
/// (machine, select, the CircuitPython set) and its console and flash wired in.
final class InterpreterEngine: ScriptEngine, @unchecked Sendable {
    private let interpreter: Interpreter
    private let host: BoardInterpreterHost
    private let services: BoardServices

    /// The factory `SimulatedBoard` uses for real boards.
    static let factory: SimulatedBoard.EngineFactory = { services in try InterpreterEngine(services: services) }

    init(services: BoardServices) throws {
        self.services = services
        let configuration = services.configuration
        let personality = configuration.personality
        services.usbDriveOwnsFlash = personality == .circuitpython
        let flash = BoardFileSystem(
            flash: HostFolderFileSystem(root: configuration.flashFolder, capacity: configuration.flashCapacity),
            services: services)
        host = BoardInterpreterHost(services: services, fileSystem: flash)
        let v = personality.version
        let versionText: String
        switch personality {
        case .micropython: versionText = "3.4.0; MicroPython v\(personality.versionString) on 2025-04-15"
        case .circuitpython: versionText = "3.4.0; CircuitPython \(personality.versionString) on 2024-11-20"
        }
        interpreter = Interpreter(configuration: InterpreterConfiguration(
            host: host,
            heapLimit: 8 * 1024 * 1024,
            platform: personality.platform,
            implementationName: personality.implementationName,
            version: (v.major, v.minor, v.micro),
            versionText: versionText,
            machine: personality.machineName,
            path: ["", ".frozen", "/lib"]))
        BoardModules.register(in: interpreter, services: services, fileSystem: flash)
        prepare()
    }

    func run(source: String, filename: String) -> ScriptOutcome {
        adapt(interpreter.run(source: source, filename: filename))
    }

    func runInteractive(source: String) -> ScriptOutcome {
        adapt(interpreter.runInteractive(source: source))
    }

    private func adapt(_ outcome: RunOutcome) -> ScriptOutcome {
        let result = Self.outcome(outcome)
        guard services.configuration.personality == .circuitpython,
              case .exception(let traceback) = result else { return result }
        return .exception(traceback: CircuitPythonErrorText.rewrite(traceback))
    }

    /// MicroPython's REPL rule, not the interpreter's: it is the REPL's behaviour users see.
    func needsMoreInput(_ source: String) -> Bool {
        ReplContinuation.needsMore(source)
    }

    func interrupt() {
        interpreter.interrupt()
    }

    var keyboardInterruptCharacter: Int { interpreter.keyboardInterruptCharacter }

    /// Asks Python itself (globals, builtins, dir() of the dotted prefix), as MicroPython's REPL
    /// helper looks names up in the running VM.
    func completions(for word: String) -> [String] {
        guard word.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }) else { return [] }
        services.completionBox.clear()
        _ = interpreter.run(source: "__import__('_replcomplete').report(globals(), '\(word)')", filename: "<stdin>")
        return services.completionBox.take()
    }

    func reset() {
        host.forgetPendingInput()
        interpreter.reset()
        prepare()
    }

    /// Installs what the firmware patches into the interpreter's own modules after every reset.
    private func prepare() {
        host.boardFiles.unmountAll()
        let outcome = interpreter.runSetup(source: BoardSetupSource.text(for: services.configuration.personality),
                                           filename: "<board>")
        if case .exception(let error) = outcome {
            services.writeOutput(Array("uremote simulator: board set-up failed:\n\(error.traceback)".utf8))
        }
    }

    private static func outcome(_ outcome: RunOutcome) -> ScriptOutcome {
        switch outcome {
        case .completed: return .completed
        case .exception(let error): return .exception(traceback: error.traceback)
        case .systemExit: return .systemExit
        }
    }
}

extension SimulatedBoard {
    /// A board running uremote's Python interpreter: what `connect sim` and `sim serve` use.
    public convenience init(configuration: BoardConfiguration) {
        self.init(configuration: configuration, engineFactory: InterpreterEngine.factory)
    }
}

extension SimulatorLinkScheme {
    /// Registers `sim:` with boards running uremote's Python interpreter.
    public static func register() {
        register(engineFactory: InterpreterEngine.factory)
    }
}
