import Foundation
import URemoteKit

/// A MicroPython (or CircuitPython) board in-process: an interpreter behind a serial console,
/// served on any `ByteLink` so tools cannot tell it from hardware.
///
/// The board runs on its own thread with a large stack (the interpreter recurses deeply), from
/// power-up through boot.py/main.py to the REPL, until the link closes or `machine.bootloader()`.
public final class SimulatedBoard: @unchecked Sendable {
    /// Makes a fresh Python runtime for the board; called at power-up and on every hard reset.
    public typealias EngineFactory = @Sendable (BoardServices) throws -> ScriptEngine

    public let configuration: BoardConfiguration
    private let makeEngine: EngineFactory
    private let stateLock = NSCondition()
    private var engine: ScriptEngine?
    private var finished = false
    private var wire: SerialWire?
    private var console: BoardConsole?
    private var hardResets = 0

    public init(configuration: BoardConfiguration, engineFactory: @escaping EngineFactory) {
        self.configuration = configuration
        self.makeEngine = engineFactory
    }

    /// Powers the board up, serving `link` (the board's end) until it closes. Returns at once.
    public func start(link: ByteLink) {
        let wire = SerialWire(link: link, baudRate: configuration.baudRate, faults: configuration.faults)
        let console = BoardConsole(
            capacity: configuration.baudRate == nil ? 4096 : configuration.receiveBufferSize,
            dropsOnOverflow: configuration.baudRate != nil,
            transmit: { bytes in wire.transmit(bytes) })
        console.interruptCharacter = { [weak self] in self?.currentEngine?.keyboardInterruptCharacter ?? 3 }
        console.interruptRunningCode = { [weak self] in self?.currentEngine?.interrupt() }
        wire.onFaultReset = { [weak self] in self?.forceHardReset() }
        wire.onClosed = { [weak self] in
            console.raise(.linkClosed)
            self?.currentEngine?.interrupt()
        }
        stateLock.lock()
        self.wire = wire
        self.console = console
        stateLock.unlock()

        let receiver = Thread { wire.pumpIncoming(into: console) }
        receiver.name = "sim-uart-rx"
        receiver.start()
        let main = Thread { [self] in
            runFirmware(console: console)
            wire.close()
            stateLock.lock()
            finished = true
            stateLock.broadcast()
            stateLock.unlock()
        }
        main.name = "sim-board"
        main.stackSize = 64 << 20
        main.start()
    }

    /// Presses the reset button: whatever runs is abandoned and the board boots again.
    public func forceHardReset() {
        guard let console = currentConsole else { return }
        console.raise(.hardReset)
        currentEngine?.interrupt()
    }

    /// Unplugs the board: the link closes and the board thread ends.
    public func stop() {
        currentWire?.close()
    }

    /// Waits until the board has stopped (link closed or bootloader); false on timeout.
    @discardableResult
    public func waitUntilStopped(timeout: Duration) -> Bool {
        let deadline = Date().addingTimeInterval(timeout.seconds)
        stateLock.lock()
        defer { stateLock.unlock() }
        while !finished {
            if !stateLock.wait(until: deadline) { return finished }
        }
        return true
    }

    /// Bytes the receive buffer dropped because the host outran the board.
    public var droppedReceiveBytes: Int { currentConsole?.droppedBytes ?? 0 }

    /// How many hard resets the board went through since `start`.
    public var hardResetCount: Int {
        stateLock.lock()
        defer { stateLock.unlock() }
        return hardResets
    }

    private var currentEngine: ScriptEngine? {
        stateLock.lock()
        defer { stateLock.unlock() }
        return engine
    }

    private var currentConsole: BoardConsole? {
        stateLock.lock()
        defer { stateLock.unlock() }
        return console
    }

    private var currentWire: SerialWire? {
        stateLock.lock()
        defer { stateLock.unlock() }
        return wire
    }

    // MARK: firmware

    private func runFirmware(console: BoardConsole) {
        let services = BoardServices(console: console, configuration: configuration)
        let flash = FlashFolder(path: configuration.flashFolder)
        let watcher = configuration.personality == .circuitpython
            ? AutoReloadWatcher(flash: flash, onChange: { [weak self] in
                // Only the host's edits reload; once boot.py gave Python the flash the host cannot write.
                guard services.usbDriveOwnsFlash else { return }
                console.raise(.autoReload)
                self?.currentEngine?.interrupt()
            })
            : nil
        defer { watcher?.stop() }
        powerOn: while true {
            console.clearSignal()
            let engine: ScriptEngine
            do {
                try flash.create()
                engine = try makeEngine(services)
            } catch {
                console.writeCooked("uremote simulator: cannot start the board: \(error)\n")
                return
            }
            stateLock.lock()
            self.engine = engine
            stateLock.unlock()

            let startup = StartupSequence(services: services, engine: engine, flash: flash, autoReload: watcher)
            let repl = ReplSession(console: console, engine: engine, personality: configuration.personality,
                                   execute: { work throws(BoardSignal) in try startup.execute(work) })
            var mode = ReplSession.Mode.friendly
            var powerUp = true
            while true {
                do {
                    try startup.runScripts(rawMode: mode == .raw, powerUp: powerUp)
                    powerUp = false
                    repl.enter(mode: mode)
                    try repl.serve()
                } catch {
                    powerUp = false
                    switch error {
                    case .softReset, .autoReload:
                        mode = repl.mode
                        console.clearSignal()
                        startup.softReboot()
                    case .hardReset:
                        stateLock.lock()
                        hardResets += 1
                        stateLock.unlock()
                        console.discardInput()
                        continue powerOn
                    case .bootloader, .linkClosed:
                        return
                    }
                }
            }
        }
    }
}
