/// Whether uploads may run far ahead of the board, decided once per session.
///
/// A UART without flow control (a USB-serial bridge, `uremote sim serve --baud`) drops whatever
/// arrives while the board's receive buffer is full, and a board stops reading while it writes
/// flash, verifies a file or renames it; so uploads are credit-paced (`FramePipeline`) unless the
/// link is known to hold a fast sender back. A pseudo-terminal is taken to (the reference board,
/// socat bridges) unless uremote's own simulator answers on it, which emulates a UART; any other
/// link earns the deep pipeline by moving bytes faster than a REPL UART can.
public final class LinkPacing: @unchecked Sendable {
    /// Bytes per second no REPL UART reaches (1.5 Mbaud; they run at 115200, sometimes 921600);
    /// USB CDC and pseudo-terminals run far above it.
    static let uartRateCeiling = 150_000.0

    /// nil until decided; true once the link is known to hold the sender back.
    private var decided: Bool?
    private let frozen: Bool
    /// The fastest line rate measured so far (bytes per second), for statistics and tests.
    public private(set) var measuredRate: Double = 0

    /// `flowControlled` nil: decide from the link and measurements; true/false: trust the caller.
    public init(flowControlled: Bool? = nil) {
        decided = flowControlled
        frozen = flowControlled != nil
    }

    /// True once the link is known (or assumed, for a pseudo-terminal) to hold the sender back.
    public var isFlowControlled: Bool { decided ?? false }

    /// The starting mode for an upload over `link` to a board with `capabilities`.
    func startsFlowControlled(link: ByteLink, capabilities: BoardCapabilities) -> Bool {
        if let decided { return decided }
        let assumed = link is PseudoTerminalLink && !capabilities.isSimulator
        decided = assumed
        return assumed
    }

    /// Records that the board consumed `bytes` within `seconds` of the first being sent.
    func observe(bytes: Int, seconds: Double) {
        guard seconds > 0 else { return }
        let rate = Double(bytes) / seconds
        measuredRate = max(measuredRate, rate)
        if !frozen && rate > Self.uartRateCeiling { decided = true }
    }
}
