/// How patient and how fast a `BoardSession` is with its board.
///
/// The defaults suit a USB board at 115200 baud; a slow UART or a board that runs a long `boot.py`
/// after a soft reset wants longer timeouts, a board whose raw-paste support is broken wants
/// `useRawPaste = false`.
public struct SessionOptions: Sendable, Equatable {
    /// How long entering the raw REPL (interrupting a running program included) may take in all.
    public var connectTimeout: Duration
    /// How long the board may stay silent when the protocol expects an answer (`OK`, a raw-paste
    /// window, the end of a soft reboot).
    public var responseTimeout: Duration
    /// How long a program may run before `execute` gives up; nil waits as long as the program runs,
    /// which is what `run` wants (the user stops it with Ctrl-C).
    public var executionTimeout: Duration?
    /// Send code in raw-paste mode when the board supports it: it is flow-controlled by the board,
    /// so it is both faster and safe on boards with small receive buffers.
    public var useRawPaste: Bool
    /// Plain raw mode has no flow control: code is written in chunks this big…
    public var plainRawChunkSize: Int
    /// …with this pause after each, so a UART's receive buffer never overflows.
    public var plainRawChunkDelay: Duration
    /// While interrupting, the board counts as settled once it has been silent this long.
    public var quietPeriod: Duration
    /// How long the board may keep printing after Ctrl-C before uremote stops trying to interrupt it.
    public var maxDrainTime: Duration
    /// How long connecting waits for the raw banner after its first, single-burst attempt before
    /// it falls back to the careful interrupt sequence; zero skips the quick attempt.
    public var quickEntryWait: Duration
    /// Code up to this many bytes goes in plain raw mode, which costs one round trip where
    /// raw-paste costs two; it fits any board's receive buffer, so it needs no flow control.
    public var plainRawLimit: Int

    public init(connectTimeout: Duration = .seconds(5),
                responseTimeout: Duration = .seconds(5),
                executionTimeout: Duration? = nil,
                useRawPaste: Bool = true,
                plainRawChunkSize: Int = 256,
                plainRawChunkDelay: Duration = .milliseconds(10),
                quietPeriod: Duration = .milliseconds(20),
                maxDrainTime: Duration = .seconds(1),
                quickEntryWait: Duration = .milliseconds(300),
                plainRawLimit: Int = 200) {
        self.connectTimeout = connectTimeout
        self.responseTimeout = responseTimeout
        self.executionTimeout = executionTimeout
        self.useRawPaste = useRawPaste
        self.plainRawChunkSize = plainRawChunkSize
        self.plainRawChunkDelay = plainRawChunkDelay
        self.quietPeriod = quietPeriod
        self.maxDrainTime = maxDrainTime
        self.quickEntryWait = quickEntryWait
        self.plainRawLimit = plainRawLimit
    }
}
