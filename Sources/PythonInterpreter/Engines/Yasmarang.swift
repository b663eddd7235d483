/// The Yasmarang generator (Ilya Levin, public domain) that MicroPython's `random` uses, so a
/// seeded program draws the same numbers on the simulator as on a board.
public struct Yasmarang: Sendable {
    private var pad: UInt32 = 0xEDA4_BABA
    private var n: UInt32 = 69
    private var d: UInt32 = 233
    private var dat: UInt8 = 0

    public init() {}

    public init(seed: UInt32) {
        self.seed(seed)
    }

    public mutating func seed(_ value: UInt32) {
        pad = value
        n = 69
        d = 233
        dat = 0
    }

    public mutating func next() -> UInt32 {
        pad = pad &+ UInt32(dat) &+ d &* n
        pad = (pad << 3) &+ (pad >> 29)
        n = pad | 2
        d ^= (pad << 31) &+ (pad >> 1)
        dat ^= UInt8(truncatingIfNeeded: pad) ^ UInt8(truncatingIfNeeded: d >> 8) ^ 1
        return pad ^ (d << 5) ^ (pad >> 18) ^ (UInt32(dat) << 1)
    }

    /// `getrandbits(bits)` for 0...32 bits.
    public mutating func bits(_ count: Int) throws(EngineError) -> UInt32 {
        guard count >= 0 && count <= 32 else { throw EngineError(.valueError, "bits must be 32 or less") }
        if count == 0 { return 0 }
        return next() & (UInt32.max >> UInt32(32 - count))
    }

    /// A value in `0..<bound` by masking and rejection; `bound` must be positive.
    public mutating func below(_ bound: UInt32) -> UInt32 {
        var mask: UInt32 = 1
        while bound & mask < bound { mask = mask << 1 | 1 }
        while true {
            let candidate = next() & mask
            if candidate < bound { return candidate }
        }
    }

    /// `randrange` with MicroPython's argument rules (bare ValueError on an empty range).
    public mutating func range(start: Int, stop: Int?, step: Int?) throws(EngineError) -> Int {
        let empty = EngineError(.valueError, "")
        guard let stop else {
            guard start > 0 else { throw empty }
            return Int(below(UInt32(truncatingIfNeeded: start)))
        }
        guard let step else {
            guard start < stop else { throw empty }
            return start &+ Int(below(UInt32(truncatingIfNeeded: stop &- start)))
        }
        // Machine-word arithmetic that wraps instead of trapping, as MicroPython's C does.
        let count: Int
        if step > 0 {
            count = (stop &- start &+ step &- 1).dividedReportingOverflow(by: step).partialValue
        } else if step < 0 {
            count = (stop &- start &+ step &+ 1).dividedReportingOverflow(by: step).partialValue
        } else {
            throw empty
        }
        guard count > 0 else { throw empty }
        return start &+ step &* Int(below(UInt32(truncatingIfNeeded: count)))
    }

    /// `random()`: 52 fraction bits from two draws, in [0, 1).
    public mutating func unit() -> Double {
        let high = UInt64(next())
        let low = UInt64(next())
        let fraction = (high << 32 | low) & ((1 << 52) - 1)
        return Double(bitPattern: 0x3FF0_0000_0000_0000 | fraction) - 1
    }
}
