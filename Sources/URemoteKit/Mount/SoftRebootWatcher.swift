/// Notices, in the board's output, a soft reboot followed by a prompt: the moment the mount has
/// been lost and the board is ready to take the agent again.
///
/// MicroPython prints "soft reboot" (untranslated) when it restarts; the prompt that follows is
/// the raw REPL banner when the reset came from the raw REPL (`soft-reset`), or `>>> ` when the
/// user pressed Ctrl-D in the REPL. A `main.py` that never returns shows no prompt, so nothing
/// is attempted until the user interrupts it.
struct SoftRebootWatcher {
    enum Prompt: Equatable {
        case raw, friendly
    }

    private static let rebootMark = Array("soft reboot".utf8)
    private static let friendlyPrompt = Array(">>> ".utf8)
    private var tail: [UInt8] = []
    private(set) var rebootSeen = false

    /// Feeds output in order; returns the prompt when a reboot has just reached one.
    mutating func observe(_ bytes: [UInt8]) -> Prompt? {
        tail.append(contentsOf: bytes)
        if !rebootSeen {
            guard let end = ReplReader.find(Self.rebootMark, in: tail, from: 0) else {
                tail = Array(tail.suffix(Self.rebootMark.count))
                return nil
            }
            rebootSeen = true
            tail.removeFirst(end)
        }
        if let end = RawRepl.bannerEnd(in: tail), end == tail.count {
            reset()
            return .raw
        }
        if tail.count >= Self.friendlyPrompt.count && Array(tail.suffix(Self.friendlyPrompt.count)) == Self.friendlyPrompt {
            reset()
            return .friendly
        }
        tail = Array(tail.suffix(256))
        return nil
    }

    mutating func reset() {
        tail = []
        rebootSeen = false
    }
}
