import URemoteKit

/// A command of the uremote command line. This is the whole protocol a command implements.
///
/// To add a command (for example in `Commands/FileSystem/` or `Commands/SimServe.swift`):
/// 1. Write a type conforming to `CLICommand`. `spec` names it (`["fs", "ls"]` for a command in a
///    group, shortcuts such as `ls`), gives a one-line summary, longer details, its options and its
///    positionals (arity `.one`, `.optional`, `.oneOrMore`, `.zeroOrMore`). Everything the parser,
///    `help`, completions and the man page know comes from there.
/// 2. Add the type to `CommandTable.commands`, then run
///    `swift build --product uremote && .build/debug/uremote --generate all .` and commit the
///    regenerated `Completions/` and `man/uremote.1` (a test fails while they are stale).
///
/// `run` receives the parsed arguments (`command.flag("recursive")`, `command.value("capture")`,
/// `command.argument("code")`, `command.arguments("paths")`) and the chain's `CommandContext`:
/// - `context.rawSession()` connects if needed (the device from `connect`, `UREMOTE_DEVICE` or
///   `auto`) and puts the board in the raw REPL; `context.friendlySession()` leaves it; nothing
///   touches the board until a command asks.
/// - `context.markActed()` when the command did something the user asked for (printed, changed
///   the board); a chain in which nothing acted ends in an implicit `repl`, as mpremote's does.
/// - `context.output` / `context.errors` stream to stdout/stderr, UTF-8 safe across chunks;
///   `context.quiet` says progress and chatter should be left out.
/// - `context.runGuarded(session) { … }` makes host Ctrl-C interrupt the board while the closure runs.
/// - Commands that stay active for the rest of the chain (mount) use `context.wrapLink` to sit
///   between session and link, `context.onSoftReset` to act after each soft reset (remount) and
///   `context.onDisconnect` to clean up when the chain ends.
/// - A `SCHEME:` device (the simulator's `sim`) is registered in `CommandTable.deviceSchemes`.
/// Throw `CommandFailure` (one line, exit 1, or `.usage` for exit 2), `SessionError` or `LinkError`;
/// the runner prints `uremote: …` and never a backtrace. A board traceback
/// (`SessionError.boardException`) is printed as the board sent it.
protocol CLICommand: Sendable {
    static var spec: CommandSpec { get }
    static func run(_ command: ParsedCommand, in context: CommandContext) throws
}

/// A failure a command reports to the user as one line.
struct CommandFailure: Error, CustomStringConvertible {
    var message: String
    /// 1 for runtime errors, 2 for usage errors.
    var status: Int32
    /// Text printed as it is under the one-line message, such as a board's traceback, which
    /// loses its meaning when folded into one line.
    var detail: String?

    init(_ message: String, status: Int32 = 1, detail: String? = nil) {
        self.message = message
        self.status = status
        self.detail = detail
    }

    static func usage(_ message: String) -> CommandFailure { CommandFailure(message, status: 2) }

    var description: String { message }
}

/// Ends the chain successfully right away (`help`, `version`), as mpremote does.
struct StopChain: Error {}
