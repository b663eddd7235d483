import Foundation

/// Receives transfer progress; the CLI shows a bar on a terminal, tests count calls.
public protocol TransferProgressObserver: AnyObject {
    /// `done` of `total` bytes of `name` have crossed the link (as file bytes, not wire bytes).
    func transferProgress(name: String, done: Int, total: Int)
    /// The file is complete (or failed); a bar clears its line.
    func transferEnded(name: String)
}

/// A one-line progress bar with bytes, rate and ETA, redrawn on stderr at most ten times a second.
///
/// It writes only when stderr is a terminal, so piped output carries nothing but results.
public final class TerminalProgressBar: TransferProgressObserver {
    private let output: FileHandle
    private var started: ContinuousClock.Instant?
    private var lastDraw: ContinuousClock.Instant?
    private var drawn = false
    /// Files smaller than this finish too fast for a bar to help.
    private let minimumSize = 2048

    public init(output: FileHandle = .standardError) {
        self.output = output
    }

    /// A bar when stderr is a terminal, nil otherwise.
    public static func ifTerminal() -> TerminalProgressBar? {
        isatty(2) == 1 ? TerminalProgressBar() : nil
    }

    public func transferProgress(name: String, done: Int, total: Int) {
        let now = ContinuousClock.now
        if started == nil { started = now }
        guard total >= minimumSize else { return }
        if let last = lastDraw, now - last < .milliseconds(100), done < total { return }
        lastDraw = now
        let elapsed = max(0.001, (now - (started ?? now)).seconds)
        let rate = Double(done) / elapsed
        let fraction = total > 0 ? Double(done) / Double(total) : 1
        let width = 20
        let filled = Int(fraction * Double(width))
        let eta = rate > 0 ? Double(total - done) / rate : 0
        let line = "\r\(name) [\(String(repeating: "#", count: filled))\(String(repeating: "-", count: width - filled))] "
            + "\(Self.bytes(done))/\(Self.bytes(total)) \(Self.bytes(Int(rate)))/s ETA \(Int(eta.rounded()))s\u{1B}[K"
        output.write(Data(line.utf8))
        drawn = true
    }

    public func transferEnded(name: String) {
        if drawn { output.write(Data("\r\u{1B}[K".utf8)) }
        drawn = false
        started = nil
        lastDraw = nil
    }

    static func bytes(_ n: Int) -> String {
        if n < 1024 { return "\(n)B" }
        if n < 1024 * 1024 { return String(format: "%.1fK", Double(n) / 1024) }
        return String(format: "%.1fM", Double(n) / 1048576)
    }
}
