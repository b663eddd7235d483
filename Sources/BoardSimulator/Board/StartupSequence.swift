import Foundation

/// What the firmware does around user code: the start-up scripts, the soft-reboot message and
/// arming Ctrl-C while code runs, in MicroPython's or CircuitPython's manner.
final class StartupSequence {
    private let console: BoardConsole
    private let engine: ScriptEngine
    private let flash: FlashFolder
    private let personality: BoardPersonality
    private let services: BoardServices
    /// CircuitPython's auto-reload is armed only while code.py runs or waits for a key.
    private let autoReload: AutoReloadWatcher?

    init(services: BoardServices, engine: ScriptEngine, flash: FlashFolder, autoReload: AutoReloadWatcher?) {
        self.services = services
        self.console = services.console
        self.personality = services.configuration.personality
        self.engine = engine
        self.flash = flash
        self.autoReload = autoReload
    }

    /// Runs user code with the interrupt character armed; a reset requested meanwhile (by
    /// machine.reset(), a fault or a vanished host) wins over the code's own outcome.
    func execute(_ work: () -> ScriptOutcome) throws(BoardSignal) -> ScriptOutcome {
        if let signal = console.pendingSignal { throw signal }
        console.setExecuting(true)
        let outcome = work()
        console.setExecuting(false)
        if let signal = console.pendingSignal { throw signal }
        return outcome
    }

    /// The scripts a (re)start runs. MicroPython: boot.py, then main.py unless the raw REPL asked
    /// for the reset (as mpremote does). CircuitPython: boot.py only at power-up, its output into
    /// boot_out.txt, then code.py and the "Press any key" wait.
    func runScripts(rawMode: Bool, powerUp: Bool) throws(BoardSignal) {
        switch personality {
        case .micropython:
            try runIfPresent("boot.py")
            if !rawMode { try runIfPresent(personality.mainScript) }
        case .circuitpython:
            if powerUp { try runCircuitPythonBoot() }
            if !rawMode { try runCircuitPythonCode() }
        }
    }

    private func runIfPresent(_ name: String) throws(BoardSignal) {
        guard let source = flash.readScript(name) else { return }
        let outcome = try execute { engine.run(source: source, filename: name) }
        switch outcome {
        case .completed: break
        case .exception(let traceback): console.writeCooked(traceback)
        case .systemExit: throw .softReset
        }
    }

    /// Clears Python state and announces the reboot as the firmware does.
    func softReboot() {
        switch personality {
        case .micropython: console.writeCooked("MPY: soft reboot\n")
        case .circuitpython: console.writeCooked("soft reboot\n")
        }
        engine.reset()
    }

    // MARK: CircuitPython

    private func runCircuitPythonBoot() throws(BoardSignal) {
        let uid = BoardModules.uniqueID(for: flash.path).map { String(format: "%02X", $0) }.joined()
        var report = personality.bannerLine + "\nBoard ID:uremote_sim\nUID:\(uid)\n"
        if let source = flash.readScript("boot.py") {
            report += "boot.py output:\n"
            let capture = OutputCapture()
            console.capture = capture
            services.inBootScript = true
            let outcome = try? execute { engine.run(source: source, filename: "boot.py") }
            services.inBootScript = false
            console.capture = nil
            report += capture.text
            if case .exception(let traceback) = outcome { report += traceback }
        }
        flash.writeIfChanged("boot_out.txt", contents: report)
    }

    private func runCircuitPythonCode() throws(BoardSignal) {
        while true {
            do {
                try runCodeOnceAndWait()
                return
            } catch .autoReload {
                console.clearSignal()
                console.writeCooked("soft reboot\n")
                engine.reset()
            } catch .softReset {
                console.clearSignal()
                console.writeCooked("soft reboot\n")
                engine.reset()
            }
        }
    }

    /// One code.py run and the wait after it; returns when a key asks for the REPL.
    private func runCodeOnceAndWait() throws(BoardSignal) {
        autoReload?.arm()
        defer { autoReload?.disarm() }
        console.writeCooked("\nAuto-reload is on. Simply save files over USB to run them or enter REPL to disable.\n")
        if let name = ["code.py", "main.py"].first(where: { flash.readScript($0) != nil }),
           let source = flash.readScript(name) {
            console.writeCooked("\(name) output:\n")
            do {
                let outcome = try execute { engine.run(source: source, filename: name) }
                if case .exception(let traceback) = outcome { console.writeCooked(traceback) }
            } catch .autoReload {
                console.writeCooked("\nCode stopped by auto-reload. Reloading soon.\n")
                throw .autoReload
            }
            console.writeCooked("\nCode done running.\n")
        }
        console.writeCooked("\nPress any key to enter the REPL. Use CTRL-D to reload.\n")
        let key = try console.readByte()
        if key == 0x04 { throw .softReset }
        autoReload?.disarm()
        console.write("\r\n")
    }
}

/// Collects program output instead of sending it (CircuitPython's boot.py goes to boot_out.txt).
final class OutputCapture: @unchecked Sendable {
    private var bytes: [UInt8] = []
    func append(_ more: [UInt8]) { bytes += more }
    var text: String { String(decoding: bytes, as: UTF8.self) }
}
