import Foundation
import URemoteKit

/// While a program runs on the board, turns the host's Ctrl-C into a Ctrl-C on the board.
///
/// The first SIGINT asks the board to stop (`BoardSession.interrupt`), so the program ends with
/// its KeyboardInterrupt and the session stays usable; the command then fails with a clear
/// message. If the board does not stop within a few seconds, or on a second Ctrl-C, uremote
/// leaves at once rather than hang the user's terminal.
final class InterruptGuard: @unchecked Sendable {
    private let session: BoardSession
    private let errors: ConsoleOutput
    private var source: DispatchSourceSignal?
    private let lock = NSLock()
    private var count = 0
    private var finished = false

    init(session: BoardSession, errors: ConsoleOutput) {
        self.session = session
        self.errors = errors
    }

    var wasInterrupted: Bool {
        lock.lock()
        defer { lock.unlock() }
        return count > 0
    }

    func install() {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { [weak self] in self?.handleSignal() }
        source.resume()
        self.source = source
    }

    func remove() {
        lock.lock()
        finished = true
        lock.unlock()
        source?.cancel()
        source = nil
        signal(SIGINT, SIG_DFL)
    }

    private func handleSignal() {
        lock.lock()
        count += 1
        let current = count
        lock.unlock()
        if current == 1 {
            session.interrupt()
            DispatchQueue.global().asyncAfter(deadline: .now() + 3) { [self] in
                lock.lock()
                let done = finished
                lock.unlock()
                if done { return }
                ConsoleOutput.standardOutput.releaseHeldText()
                errors.line("\nuremote: interrupted; the board did not stop within 3 s, leaving it running")
                exit(1)
            }
        } else {
            ConsoleOutput.standardOutput.releaseHeldText()
            errors.line("\nuremote: interrupted")
            exit(1)
        }
    }
}
