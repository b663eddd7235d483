/// A point in time that bounds a wait, or none at all for waits the user ends (a running program).
///
/// Every wait in the protocol goes through one of these so that no read can hang for longer than
/// its caller decided.
struct Deadline: Sendable {
    let instant: ContinuousClock.Instant?

    /// A deadline `duration` from now; nil means never.
    init(after duration: Duration?) {
        instant = duration.map { ContinuousClock.now.advanced(by: $0) }
    }

    static var never: Deadline { Deadline(after: nil) }

    var hasPassed: Bool {
        guard let instant else { return false }
        return ContinuousClock.now >= instant
    }

    /// How long the next single read may block: what is left, but at most `slice` so that callers
    /// waiting forever still wake up now and then (to notice an interrupt, for example).
    func nextSlice(max slice: Duration = .seconds(1)) -> Duration {
        guard let instant else { return slice }
        let left = ContinuousClock.now.duration(to: instant)
        if left <= .zero { return .zero }
        return min(left, slice)
    }
}
