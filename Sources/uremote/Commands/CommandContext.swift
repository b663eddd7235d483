import Foundation
import URemoteKit

/// What a chain of commands shares: the connection (opened on first use), the output streams
/// and whether any command acted yet. See `CLICommand` for how commands use it.
final class CommandContext {
    let output: ConsoleOutput
    let errors: ConsoleOutput
    /// Leave out progress and chatter; print results only.
    var quiet: Bool
    /// Applied to the next connection (`connect --baud`).
    var linkOptions = LinkOptions()
    /// The device used when a command needs a board and none was connected.
    let defaultDevice: String

    private(set) var session: BoardSession?
    /// The device last connected, so a command after `disconnect` reaches the same board (for
    /// mpremote, with one board attached, `auto` finds that board again).
    private var lastDevice: String?
    private(set) var acted = false
    /// Some command of this chain has talked to the board (so `run` must not reset it).
    private(set) var usedBoard = false
    /// `resume` was given: no command may reset the board implicitly.
    var keepsBoardState = false
    /// A program was started without waiting for it (`exec --no-follow`).
    private var programRunning = false
    private var disconnectHandlers: [(BoardSession) -> Void] = []
    private var softResetHandlers: [(BoardSession) throws -> Void] = []
    nonisolated(unsafe) private static var schemesRegistered = false

    /// `configuredDevice` comes from the config files; `UREMOTE_DEVICE` overrides it.
    init(output: ConsoleOutput = .standardOutput, errors: ConsoleOutput = .standardError, quiet: Bool = false,
         environment: [String: String] = ProcessInfo.processInfo.environment, configuredDevice: String? = nil) {
        self.output = output
        self.errors = errors
        self.quiet = quiet
        let configured = environment["UREMOTE_DEVICE"]?.trimmingCharacters(in: .whitespaces) ?? ""
        defaultDevice = configured.isEmpty ? (configuredDevice ?? "auto") : configured
    }

    /// The command did what the user asked; no implicit `repl` at the end of the chain.
    func markActed() { acted = true }

    /// Opens `device`, closing any current connection first. Does not talk to the board.
    func connect(to device: String) throws {
        disconnect()
        Self.registerDeviceSchemes()
        let link: ByteLink
        do {
            link = try DeviceResolver.open(device, options: linkOptions)
        } catch {
            throw Self.connectFailure(device: device, error: error)
        }
        session = BoardSession(link: link)
        lastDevice = device
        programRunning = false
    }

    /// Leaves the board in its friendly REPL and closes the link; errors here are not worth reporting.
    func disconnect() {
        guard let session else { return }
        let handlers = disconnectHandlers
        disconnectHandlers = []
        softResetHandlers = []
        for handler in handlers.reversed() { handler(session) }
        // close() leaves the raw REPL (Ctrl-B), so the board is found at its usual prompt.
        session.close()
        self.session = nil
        programRunning = false
    }

    /// The board, connected on first use.
    func connectedSession() throws -> BoardSession {
        if session == nil { try connect(to: lastDevice ?? defaultDevice) }
        guard let session else { throw CommandFailure("no board connected") }
        usedBoard = true
        return session
    }

    /// Whether `run` should start from a clean interpreter: only when it is the first command of
    /// the chain to reach the board and `resume` was not given, so state a chain builds up on
    /// purpose (`exec "x=1" run a.py`) carries over.
    var resetsBeforeRun: Bool { !usedBoard && !keepsBoardState }

    /// The board in raw REPL mode, ready for `execute`.
    func rawSession() throws -> BoardSession {
        let session = try connectedSession()
        if !session.isInRawRepl || programRunning {
            try session.enterRawRepl(softReset: false)
            programRunning = false
        }
        return session
    }

    /// The board at its friendly `>>>` prompt, for `repl`.
    func friendlySession() throws -> BoardSession {
        let session = try connectedSession()
        if programRunning {
            // Stop what `exec --no-follow` started, then leave raw mode.
            try session.enterRawRepl(softReset: false)
            programRunning = false
        }
        try session.exitRawRepl()
        return session
    }

    /// Soft-resets the board and leaves it in raw REPL mode with fresh state.
    func softReset() throws {
        let session = try connectedSession()
        try session.enterRawRepl(softReset: true)
        programRunning = false
        for handler in softResetHandlers { try handler(session) }
    }

    // MARK: Hooks for commands that stay active for the rest of the chain (mount)

    /// Puts a layer between the session and the link (for example one that answers a mounted
    /// folder's file requests): the current session is replaced by one over `wrap(link)`. The board
    /// is not reset; the new session re-synchronises with the raw prompt on its next command.
    func wrapLink(_ wrap: (ByteLink) throws -> ByteLink) throws {
        let session = try connectedSession()
        let wasRaw = session.isInRawRepl
        let wrapped = try wrap(session.link)
        let replacement = BoardSession(link: wrapped, options: session.options)
        session.detach()
        self.session = replacement
        if wasRaw { try replacement.enterRawRepl(softReset: false) }
    }

    /// Runs before the link closes (end of chain, `disconnect`, a new `connect`), latest first.
    func onDisconnect(_ handler: @escaping (BoardSession) -> Void) { disconnectHandlers.append(handler) }

    /// Runs after each `soft-reset` of this connection, with the board in the raw REPL (remount).
    func onSoftReset(_ handler: @escaping (BoardSession) throws -> Void) { softResetHandlers.append(handler) }

    /// Notes that a program was started and not waited for.
    func noteProgramLeftRunning() { programRunning = true }


    /// Runs `body` with host Ctrl-C wired to interrupting the board.
    func runGuarded<T>(_ session: BoardSession, _ body: () throws -> T) throws -> T {
        let guardian = InterruptGuard(session: session, errors: errors)
        guardian.install()
        defer { guardian.remove() }
        let result = try body()
        if guardian.wasInterrupted {
            throw CommandFailure("interrupted: the program on the board was stopped (Ctrl-C)")
        }
        return result
    }

    private static func registerDeviceSchemes() {
        guard !schemesRegistered else { return }
        schemesRegistered = true
        for register in CommandTable.deviceSchemes { register() }
    }

    /// Without hardware, the bundled simulator is always a way forward.
    private static let simulatorHint = ", or 'uremote connect sim' for the simulator"

    static func connectFailure(device: String, error: any Error) -> CommandFailure {
        let detail = (error as? LinkError)?.description ?? String(describing: error)
        let isSimulator = device == "sim" || device.hasPrefix("sim:")
        if isSimulator && LinkSchemes.opener(for: "sim") == nil {
            return CommandFailure("\(device): this build of uremote has no simulator; connect a board ('uremote devs' lists them)")
        }
        if isSimulator { return CommandFailure(detail) }
        if case .notFound = error as? LinkError, device == "auto" {
            return CommandFailure("no board found; try 'uremote devs' to list ports, 'uremote connect PATH'\(simulatorHint)")
        }
        if case .notFound = error as? LinkError {
            let hint = detail.contains("uremote devs") ? "" : "; try 'uremote devs' to list ports"
            return CommandFailure("\(detail)\(hint)\(simulatorHint)")
        }
        return CommandFailure(detail)
    }
}
