import Foundation
import URemoteKit

/// The relay between the user's keyboard and the board behind `repl`.
///
/// Single-threaded on purpose: it polls stdin without blocking and reads the link with a short
/// timeout, so key handling (quit, inject) and board I/O never race, and injecting a file can
/// drive the session directly.
final class ReplLoop {
    enum Ending { case userQuit, inputEnded, boardDisconnected }

    private static let quitKeys: Set<UInt8> = [0x1D, 0x18]  // Ctrl-], Ctrl-X
    private static let injectCodeKey: UInt8 = 0x0A          // Ctrl-J
    private static let injectFileKey: UInt8 = 0x0B          // Ctrl-K
    /// With piped input, how long the board must stay quiet after the input ended.
    static let quietPeriodAfterInput: TimeInterval = 1.0

    private let session: BoardSession
    private let output: ConsoleOutput
    private let capture: FileHandle?
    private let escapeNonPrintable: Bool
    private let injectCode: [UInt8]?
    private let injectFile: String?
    private let terminal = RawTerminal()

    init(session: BoardSession, output: ConsoleOutput, capture: FileHandle?, escapeNonPrintable: Bool,
         injectCode: [UInt8]?, injectFile: String?) {
        self.session = session
        self.output = output
        self.capture = capture
        self.escapeNonPrintable = escapeNonPrintable
        self.injectCode = injectCode
        self.injectFile = injectFile
    }

    func run() -> Ending {
        terminal.enter()
        defer { terminal.restore() }
        let link = session.link
        var inputOpen = true
        var lastActivity = Date()
        do {
            while true {
                if inputOpen {
                    if let keys = terminal.readAvailable() {
                        if try handle(keys: keys) { return .userQuit }
                    } else {
                        inputOpen = false
                        lastActivity = Date()
                    }
                }
                let received = try link.read(maxCount: 4096, timeout: .milliseconds(inputOpen ? 10 : 50))
                if !received.isEmpty {
                    show(received)
                    lastActivity = Date()
                } else if !inputOpen && Date().timeIntervalSince(lastActivity) >= Self.quietPeriodAfterInput {
                    output.finish()
                    return .inputEnded
                }
            }
        } catch {
            output.finish()
            return .boardDisconnected
        }
    }

    /// Sends typed bytes, acting on the special keys in order; true when the user quit.
    private func handle(keys: [UInt8]) throws(LinkError) -> Bool {
        var pending: [UInt8] = []
        func flush() throws(LinkError) {
            if !pending.isEmpty { try session.link.write(pending) }
            pending = []
        }
        for key in keys {
            if Self.quitKeys.contains(key) {
                try flush()
                return true
            } else if key == Self.injectCodeKey, let injectCode {
                try flush()
                try session.link.write(injectCode)
            } else if key == Self.injectFileKey, let injectFile {
                try flush()
                inject(file: injectFile)
            } else {
                pending.append(key)
            }
        }
        try flush()
        return false
    }

    /// Runs a local file through the raw REPL, showing its output, then returns to the prompt.
    private func inject(file path: String) {
        // Show what the board is still sending (say, injected code running) before raw mode's
        // Ctrl-C and drain would swallow it.
        relayUntilQuiet(for: 0.4, atMost: 3)
        show(Array("Injecting \(path)\r\n".utf8))
        do {
            let code = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
            try session.enterRawRepl(softReset: false)
            defer { try? session.exitRawRepl() }
            let result = try session.execute(code, timeout: nil, onOutput: { [self] in show($0) })
            if result.raisedException { show(result.errorOutput) }
        } catch {
            show(Array("Error: \(error)\r\n".utf8))
        }
    }

    private func relayUntilQuiet(for quiet: TimeInterval, atMost limit: TimeInterval) {
        let end = Date().addingTimeInterval(limit)
        while Date() < end {
            guard let received = try? session.link.read(maxCount: 4096, timeout: .milliseconds(Int(quiet * 1000))),
                  !received.isEmpty else { return }
            show(received)
        }
    }

    private func show(_ bytes: [UInt8]) {
        let shown = escapeNonPrintable ? Self.escaped(bytes) : bytes
        output.write(bytes: shown)
        try? capture?.write(contentsOf: shown)
    }

    /// Printable ASCII and the usual controls (BS, TAB, LF, CR, ESC) as they are; the rest as `[xx]`.
    static func escaped(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        for byte in bytes {
            if [8, 9, 10, 13, 27].contains(byte) || (32...126).contains(byte) {
                result.append(byte)
            } else {
                result.append(contentsOf: Array(String(format: "[%02x]", byte).utf8))
            }
        }
        return result
    }
}
