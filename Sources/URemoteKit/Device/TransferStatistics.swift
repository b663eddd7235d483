import Foundation

/// Totals of the transfers of one session, for `UREMOTE_FS_STATS=1` and the benchmark: how many
/// file bytes crossed, how many bytes that took on the wire, and how long the transfer phase
/// (excluding connecting and planning) lasted.
public final class TransferStatistics: @unchecked Sendable {
    public private(set) var bytes = 0
    public private(set) var wireBytes = 0
    public private(set) var seconds = 0.0

    public init() {}

    func record(bytes: Int, wireBytes: Int, seconds: Double) {
        self.bytes += bytes
        self.wireBytes += wireBytes
        self.seconds += seconds
    }

    /// `transfer: 200000 bytes (200112 on the wire) in 0.214 s = 934.6 kB/s`
    public var summary: String {
        let rate = seconds > 0 ? Double(bytes) / seconds / 1000 : 0
        return String(format: "transfer: %d bytes (%d on the wire) in %.3f s = %.1f kB/s", bytes, wireBytes, seconds, rate)
    }
}
