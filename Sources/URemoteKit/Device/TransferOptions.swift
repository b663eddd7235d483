/// Knobs of the transfer engine; the defaults suit USB boards, pseudo-terminals and UARTs alike.
public struct TransferOptions: Sendable, Equatable {
    /// Frames sent ahead of the board's acknowledgements on a flow-controlled link. Two keeps the
    /// link busy while the board writes a chunk.
    public var framesInFlight: Int
    /// Whether the link holds a fast sender back (USB CDC, a pseudo-terminal) rather than dropping
    /// what overflows the board's receive buffer (a UART). nil: let `LinkPacing` decide (a
    /// pseudo-terminal is trusted unless the simulator answers on it; anything else is credit-paced
    /// until it carries bytes faster than a UART). Only flow-controlled links get `framesInFlight`
    /// frames ahead.
    public var linkHasFlowControl: Bool?
    /// Compress chunks that shrink by at least this fraction when the board can inflate them.
    public var minimumSaving: Double
    /// Use compression at all (off for benchmarks of the raw path, or for slow-CPU boards on fast links).
    public var compress: Bool
    /// Force this chunk size instead of the one derived from the board's free memory.
    public var chunkSize: Int?
    /// How long the board waits for the next frame before it gives up and deletes its temporary
    /// file; this bounds how long a board stays busy after the host dies mid-transfer.
    public var boardIdleTimeout: Duration
    /// How long the host waits for any answer from the board.
    public var hostTimeout: Duration

    public init(framesInFlight: Int = 2, minimumSaving: Double = 0.1, compress: Bool = true,
                chunkSize: Int? = nil, boardIdleTimeout: Duration = .seconds(5),
                hostTimeout: Duration = .seconds(15), linkHasFlowControl: Bool? = nil) {
        self.framesInFlight = max(1, framesInFlight)
        self.linkHasFlowControl = linkHasFlowControl
        self.minimumSaving = minimumSaving
        self.compress = compress
        self.chunkSize = chunkSize
        self.boardIdleTimeout = boardIdleTimeout
        self.hostTimeout = hostTimeout
    }
}
