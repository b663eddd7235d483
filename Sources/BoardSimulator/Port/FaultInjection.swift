import Foundation

/// Misbehaviour the simulated board can be told to show, so tests can prove that uremote fails
/// clearly and corrupts nothing when a cable, a UART or a board misbehaves.
public struct FaultInjection: Sendable, Equatable {
    /// Fraction (0...1) of bytes lost in each direction.
    public var dropRate: Double
    /// Fraction (0...1) of bytes that arrive with one bit flipped, in each direction.
    public var corruptRate: Double
    /// The link closes after this many bytes have crossed it (both directions counted).
    public var disconnectAfterBytes: Int?
    /// The board hard-resets once this many bytes have arrived from the host, wherever it is in
    /// a command.
    public var resetAfterReceivedBytes: Int?
    /// Extra delay before every chunk the board sends, as a slow or busy board.
    public var responseDelay: Duration
    /// Seed for the random choices, so a failing test can be replayed.
    public var seed: UInt64

    public init(dropRate: Double = 0, corruptRate: Double = 0, disconnectAfterBytes: Int? = nil,
                resetAfterReceivedBytes: Int? = nil, responseDelay: Duration = .zero, seed: UInt64 = 1) {
        self.dropRate = dropRate
        self.corruptRate = corruptRate
        self.disconnectAfterBytes = disconnectAfterBytes
        self.resetAfterReceivedBytes = resetAfterReceivedBytes
        self.responseDelay = responseDelay
        self.seed = seed
    }

    /// No faults: a perfect cable.
    public static let none = FaultInjection()
}

/// Applies a `FaultInjection` to the bytes crossing the link; shared by both directions.
final class FaultInjector: @unchecked Sendable {
    private let faults: FaultInjection
    private let lock = NSLock()
    private var state: UInt64
    private var transferred = 0
    private var received = 0
    private var resetFired = false

    init(_ faults: FaultInjection) {
        self.faults = faults
        self.state = faults.seed == 0 ? 0x9E37_79B9_7F4A_7C15 : faults.seed
    }

    var responseDelay: Duration { faults.responseDelay }

    /// What is left of `bytes` after drops and corruption, and whether the link must now close.
    func mangle(_ bytes: [UInt8], incoming: Bool) -> (bytes: [UInt8], disconnect: Bool, reset: Bool) {
        lock.lock()
        defer { lock.unlock() }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var disconnect = false
        var reset = false
        for byte in bytes {
            if let limit = faults.disconnectAfterBytes, transferred >= limit {
                disconnect = true
                break
            }
            transferred += 1
            if incoming {
                received += 1
                if let limit = faults.resetAfterReceivedBytes, !resetFired, received >= limit {
                    // The board reboots on this byte; what follows reaches a board that is not listening.
                    resetFired = true
                    reset = true
                    out.append(byte)
                    break
                }
            }
            if faults.dropRate > 0 && nextUnit() < faults.dropRate { continue }
            if faults.corruptRate > 0 && nextUnit() < faults.corruptRate {
                out.append(byte ^ UInt8(1 << (next() % 8)))
                continue
            }
            out.append(byte)
        }
        if let limit = faults.disconnectAfterBytes, transferred >= limit { disconnect = true }
        return (out, disconnect, reset)
    }

    /// splitmix64: tiny, seedable and good enough to spread faults evenly.
    private func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private func nextUnit() -> Double {
        Double(next() >> 11) / Double(1 << 53)
    }
}

extension FaultInjection {
    /// Parses `drop=0.01,corrupt=0.001,disconnect-after=5000,reset-after=300,delay-ms=5,seed=7`
    /// (any subset), the form `sim serve --faults` takes.
    public static func parse(_ text: String) throws(FaultSpecError) -> FaultInjection {
        var faults = FaultInjection()
        for item in text.split(separator: ",") where !item.trimmingCharacters(in: .whitespaces).isEmpty {
            let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { throw FaultSpecError(item: String(item)) }
            let (key, value) = (parts[0], parts[1])
            switch key {
            case "drop":
                guard let rate = Double(value), (0...1).contains(rate) else { throw FaultSpecError(item: String(item)) }
                faults.dropRate = rate
            case "corrupt":
                guard let rate = Double(value), (0...1).contains(rate) else { throw FaultSpecError(item: String(item)) }
                faults.corruptRate = rate
            case "disconnect-after":
                guard let count = Int(value), count >= 0 else { throw FaultSpecError(item: String(item)) }
                faults.disconnectAfterBytes = count
            case "reset-after":
                guard let count = Int(value), count > 0 else { throw FaultSpecError(item: String(item)) }
                faults.resetAfterReceivedBytes = count
            case "delay-ms":
                guard let ms = Int(value), ms >= 0 else { throw FaultSpecError(item: String(item)) }
                faults.responseDelay = .milliseconds(ms)
            case "seed":
                guard let seed = UInt64(value) else { throw FaultSpecError(item: String(item)) }
                faults.seed = seed
            default:
                throw FaultSpecError(item: String(item))
            }
        }
        return faults
    }
}

/// A `--faults` item that is not understood.
public struct FaultSpecError: Error, CustomStringConvertible, Sendable {
    public let item: String
    public var description: String {
        "--faults: cannot use '\(item)'; expected drop=RATE, corrupt=RATE, disconnect-after=BYTES, reset-after=BYTES, delay-ms=MS or seed=N separated by commas"
    }
}
