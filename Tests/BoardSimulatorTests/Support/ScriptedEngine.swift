import Foundation
@testable import BoardSimulator

/// A stand-in Python runtime that understands a handful of statements, so the REPL protocol is
/// tested on its own bytes, whatever state the real interpreter is in.
///
/// Statements: `print('text')`, `raise`, `exit`, `spin` (busy loop until interrupted),
/// `sleep` (blocks in a wait until interrupted), `echo N` (reads N stdin bytes and prints them),
/// `reset` (machine.reset()), `bootloader`, and `kbd N` (sets the interrupt character).
final class ScriptedEngine: ScriptEngine, @unchecked Sendable {
    private let services: BoardServices
    private let lock = NSCondition()
    private var interrupted = false
    private var kbd = 3
    private(set) var runs: [String] = []
    private(set) var resets = 0

    init(services: BoardServices) {
        self.services = services
    }

    var keyboardInterruptCharacter: Int {
        lock.lock()
        defer { lock.unlock() }
        return kbd
    }

    func interrupt() {
        lock.lock()
        interrupted = true
        lock.broadcast()
        lock.unlock()
    }

    func reset() {
        lock.lock()
        resets += 1
        kbd = 3
        lock.unlock()
    }

    func needsMoreInput(_ source: String) -> Bool {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        guard let last = lines.last else { return false }
        if last.hasSuffix(":") { return true }
        return lines.count > 1 && !last.trimmingCharacters(in: .whitespaces).isEmpty
    }

    func runInteractive(source: String) -> ScriptOutcome {
        run(source: source, filename: "<stdin>")
    }

    func run(source: String, filename: String) -> ScriptOutcome {
        lock.lock()
        runs.append(source)
        interrupted = false
        lock.unlock()
        var lineNumber = 0
        for raw in source.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("print('"), line.hasSuffix("')") {
                let text = line.dropFirst(7).dropLast(2)
                services.writeOutput(Array((text + "\n").utf8))
            } else if line == "raise" {
                return .exception(traceback: trace(filename, lineNumber, "ValueError: boom"))
            } else if line == "exit" {
                return .systemExit
            } else if line == "spin" {
                while !isInterrupted() { _ = (0..<100).reduce(0, +) }
                return .exception(traceback: trace(filename, lineNumber, "KeyboardInterrupt: "))
            } else if line == "sleep" {
                lock.lock()
                while !interrupted { lock.wait() }
                lock.unlock()
                return .exception(traceback: trace(filename, lineNumber, "KeyboardInterrupt: "))
            } else if line.hasPrefix("echo "), let count = Int(line.dropFirst(5)) {
                var got: [UInt8] = []
                while got.count < count {
                    guard let bytes = services.readInput(maxCount: count - got.count) else { break }
                    if bytes.isEmpty && isInterrupted() {
                        return .exception(traceback: trace(filename, lineNumber, "KeyboardInterrupt: "))
                    }
                    got += bytes
                }
                services.writeRawOutput(got)
            } else if line.hasPrefix("kbd "), let value = Int(line.dropFirst(4)) {
                lock.lock()
                kbd = value
                lock.unlock()
            } else if line == "reset" {
                services.requestHardReset()
                return .systemExit
            } else if line == "bootloader" {
                services.requestBootloader()
                return .systemExit
            } else if !line.isEmpty && !line.hasSuffix(":") && line != "pass" {
                return .exception(traceback: trace(filename, lineNumber, "NameError: name '\(line)' isn't defined"))
            }
        }
        return .completed
    }

    private func isInterrupted() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return interrupted
    }

    private func trace(_ file: String, _ line: Int, _ message: String) -> String {
        "Traceback (most recent call last):\n  File \"\(file)\", line \(line), in <module>\n\(message)\n"
    }
}
