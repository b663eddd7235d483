/// Everything that makes one simulated board differ from another.
public struct BoardConfiguration: Sendable {
    /// The host folder that is the board's flash (created if missing).
    public var flashFolder: String
    /// Flash size in bytes; writes beyond it fail with ENOSPC as on a full board.
    public var flashCapacity: Int
    public var personality: BoardPersonality
    /// Simulated serial rate: bytes are paced at baud/10 per second each way and a small receive
    /// buffer overflows like a UART's. nil is a USB board: fast and flow-controlled.
    public var baudRate: Int?
    /// The receive FIFO size when `baudRate` is set.
    public var receiveBufferSize: Int
    public var faults: FaultInjection

    public static let defaultFlashCapacity = 2 * 1024 * 1024

    public init(flashFolder: String, flashCapacity: Int = BoardConfiguration.defaultFlashCapacity,
                personality: BoardPersonality = .micropython, baudRate: Int? = nil,
                receiveBufferSize: Int = 256, faults: FaultInjection = .none) {
        self.flashFolder = flashFolder
        self.flashCapacity = flashCapacity
        self.personality = personality
        self.baudRate = baudRate
        self.receiveBufferSize = receiveBufferSize
        self.faults = faults
    }
}
