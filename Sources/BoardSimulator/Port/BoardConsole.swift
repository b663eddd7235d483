import Foundation

/// Why the board's REPL must abandon what it is doing; thrown out of blocking reads.
enum BoardSignal: Error, Equatable {
    case softReset
    case hardReset
    case bootloader
    case linkClosed
    /// CircuitPython: a file changed on the "USB drive", so code.py restarts.
    case autoReload
}

/// The board's side of its serial console: the receive buffer the host fills and the REPL or
/// running code drains, and the transmit path back to the host.
///
/// It plays the part of a microcontroller's UART driver: the interrupt character is caught on
/// arrival while code runs (it never reaches the buffer), and a full buffer either drops bytes
/// (a real UART at a baud rate) or holds the sender back (USB CDC flow control).
final class BoardConsole: @unchecked Sendable {
    private let condition = NSCondition()
    private var buffer: [UInt8] = []
    private var start = 0
    private let capacity: Int
    private let dropsOnOverflow: Bool
    private var signal: BoardSignal?
    private var wakeups = 0
    private var executing = false
    private var droppedCount = 0
    private let transmit: @Sendable ([UInt8]) -> Bool

    /// Reads the live interrupt character (`micropython.kbd_intr`) while code runs.
    var interruptCharacter: @Sendable () -> Int = { 3 }
    /// Raises KeyboardInterrupt in the running code.
    var interruptRunningCode: @Sendable () -> Void = {}

    /// `transmit` sends bytes to the host and returns false once the host is gone.
    init(capacity: Int, dropsOnOverflow: Bool, transmit: @escaping @Sendable ([UInt8]) -> Bool) {
        self.capacity = max(16, capacity)
        self.dropsOnOverflow = dropsOnOverflow
        self.transmit = transmit
    }

    // MARK: host → board

    /// Bytes arriving from the host, in order. Blocks while the buffer is full unless it drops.
    func deliver(_ bytes: [UInt8]) {
        condition.lock()
        defer { condition.unlock() }
        for byte in bytes {
            if executing {
                let kbd = interruptCharacter()
                if kbd >= 0, Int(byte) == kbd {
                    interruptRunningCode()
                    wakeups += 1
                    condition.broadcast()
                    continue
                }
            }
            while buffer.count - start >= capacity {
                if dropsOnOverflow || signal != nil { break }
                condition.wait()
            }
            if buffer.count - start >= capacity {
                droppedCount += 1
                continue
            }
            buffer.append(byte)
        }
        condition.broadcast()
    }

    /// Bytes lost to receive-buffer overflow since power-up.
    var droppedBytes: Int {
        condition.lock()
        defer { condition.unlock() }
        return droppedCount
    }

    // MARK: board reads

    /// The next byte for the REPL; throws when the board must reset or the host has gone.
    func readByte() throws(BoardSignal) -> UInt8 {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let signal { throw signal }
            if start < buffer.count { return take(1)[0] }
            condition.wait()
        }
    }

    /// Up to `maxCount` bytes for running code's stdin: waits for at least one byte, returns `[]`
    /// when interrupted (so KeyboardInterrupt can surface) and nil at end of input.
    /// `since` is a `wakeMark` taken earlier, for callers that read byte by byte and must not
    /// miss an interrupt that arrived together with the bytes before it.
    func readForScript(maxCount: Int, since mark: Int? = nil) -> [UInt8]? {
        condition.lock()
        defer { condition.unlock() }
        let seen = mark ?? wakeups
        while true {
            if signal != nil { return nil }
            if start < buffer.count { return take(maxCount) }
            if wakeups != seen { return [] }
            condition.wait()
        }
    }

    /// Blocks until input is ready, an interrupt arrives or `deadline` passes.
    func waitForInput(until deadline: Date) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        let seen = wakeups
        while start == buffer.count {
            if signal != nil || wakeups != seen { return false }
            if !condition.wait(until: deadline) { return start < buffer.count }
        }
        return true
    }

    /// The current interrupt generation, for `readForScript(maxCount:since:)`.
    var wakeMark: Int {
        condition.lock()
        defer { condition.unlock() }
        return wakeups
    }

    /// Whether a read would return at once (select.poll on stdin).
    var hasInput: Bool {
        condition.lock()
        defer { condition.unlock() }
        return start < buffer.count || signal != nil
    }

    /// Forgets unread input, as a reset does to a UART FIFO.
    func discardInput() {
        condition.lock()
        buffer.removeAll(keepingCapacity: true)
        start = 0
        condition.broadcast()
        condition.unlock()
    }

    private func take(_ maxCount: Int) -> [UInt8] {
        let end = min(buffer.count, start + max(1, maxCount))
        let bytes = Array(buffer[start..<end])
        start = end
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        }
        condition.broadcast()
        return bytes
    }

    // MARK: execution state and signals

    /// Marks whether Python code is running, which arms the interrupt character.
    func setExecuting(_ value: Bool) {
        condition.lock()
        executing = value
        condition.unlock()
    }

    /// Makes every blocking read fail with `signal` until `clearSignal()`; used for resets
    /// forced from outside the REPL thread and for a vanished host.
    func raise(_ newSignal: BoardSignal) {
        condition.lock()
        if signal != .linkClosed { signal = newSignal }
        wakeups += 1
        condition.broadcast()
        condition.unlock()
    }

    /// The signal raised from outside, if any.
    var pendingSignal: BoardSignal? {
        condition.lock()
        defer { condition.unlock() }
        return signal
    }

    /// Takes a raised reset signal once the board has acted on it (a closed link stays closed).
    func clearSignal() {
        condition.lock()
        if signal != .linkClosed { signal = nil }
        condition.unlock()
    }

    // MARK: board → host

    /// Sends bytes unchanged (the line editor's echo and escape sequences).
    func write(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        if !transmit(bytes) { raise(.linkClosed) }
    }

    func write(_ text: String) {
        write(Array(text.utf8))
    }

    /// While set, program output is collected here instead of sent (CircuitPython's boot.py).
    var capture: OutputCapture?

    /// Sends program output with every `\n` preceded by `\r`, as MicroPython's cooked stdout does.
    func writeCooked(_ bytes: [UInt8]) {
        if let capture {
            capture.append(bytes)
            return
        }
        guard bytes.contains(0x0A) else { return write(bytes) }
        var cooked: [UInt8] = []
        cooked.reserveCapacity(bytes.count + 8)
        for byte in bytes {
            if byte == 0x0A { cooked.append(0x0D) }
            cooked.append(byte)
        }
        write(cooked)
    }

    func writeCooked(_ text: String) {
        writeCooked(Array(text.utf8))
    }
}

extension BoardConsole {
    /// Waits up to `timeout` (nil: forever) for input; false on timeout or interrupt.
    func waitForInput(timeout: Duration?) -> Bool {
        let deadline = timeout.map { Date().addingTimeInterval($0.seconds) } ?? Date.distantFuture
        return waitForInput(until: deadline)
    }
}
