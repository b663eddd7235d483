/// How a piece of Python code finished, reduced to what the REPL must act on.
public enum ScriptOutcome: Sendable, Equatable {
    case completed
    /// An uncaught exception; `traceback` is MicroPython's text with `\n` line ends.
    case exception(traceback: String)
    /// `SystemExit` (also raised by `machine.soft_reset()`): the REPL soft-resets the board.
    case systemExit
}

/// The Python runtime the board drives.
///
/// The board speaks to the interpreter only through this protocol so the REPL protocol can be
/// tested byte for byte with a scripted engine, independently of the interpreter's progress.
public protocol ScriptEngine: AnyObject {
    /// Runs a whole module (raw REPL, paste mode, boot.py/main.py).
    func run(source: String, filename: String) -> ScriptOutcome
    /// Runs one friendly-REPL entry, echoing the value of an expression statement.
    func runInteractive(source: String) -> ScriptOutcome
    /// Whether the friendly REPL should ask for a continuation line (`... `).
    func needsMoreInput(_ source: String) -> Bool
    /// Raises KeyboardInterrupt in running code; called from the board's receive thread.
    func interrupt()
    /// The byte that interrupts running code (`micropython.kbd_intr`), -1 when disabled.
    var keyboardInterruptCharacter: Int { get }
    /// Clears Python state for a soft reset.
    func reset()
    /// Names that complete the last part of a dotted word at the prompt, for Tab.
    func completions(for word: String) -> [String]
}

extension ScriptEngine {
    /// An engine that cannot introspect offers no completions.
    public func completions(for word: String) -> [String] { [] }
}
