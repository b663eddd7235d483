/// What the board's firmware offers, probed once per session by the helper; it picks the fastest
/// transfer path that is safe on this board.
public struct BoardCapabilities: Sendable, Equatable {
    /// `os.ilistdir` exists (absent on CircuitPython): one call lists names, types and sizes.
    public var hasIlistdir: Bool
    /// Binary `sys.stdin.buffer`/`sys.stdout.buffer` exist: bytes cross raw (only Ctrl-C and
    /// the escape byte are escaped) instead of as base64.
    public var hasRawStdio: Bool
    /// `deflate.DeflateIO` exists (MicroPython 1.21+): chunks may be sent compressed.
    public var hasDeflate: Bool
    /// The hash algorithms of the board's `hashlib` (empty: hashing happens on the host).
    public var hashAlgorithms: [String]
    /// Free heap after a collection, or nil when the port does not say.
    public var memoryFree: Int?
    /// `os.statvfs` exists, needed by `df`.
    public var hasStatvfs: Bool
    /// `binascii` exists, needed by the base64 fallback.
    public var hasBinascii: Bool
    /// `sys.implementation.name`: `micropython` or `circuitpython`.
    public var implementation: String
    /// `sys.platform`.
    public var platform: String
    /// The board is uremote's simulator (`os.uname().machine` says so). Served at a baud rate it
    /// emulates a UART whose receive buffer a busy host machine can overrun at any moment, so
    /// uploads start credit-paced on it whatever the link looks like.
    public var isSimulator: Bool

    public init(hasIlistdir: Bool = true, hasRawStdio: Bool = true, hasDeflate: Bool = true,
                hashAlgorithms: [String] = ["sha256"], memoryFree: Int? = nil, hasStatvfs: Bool = true,
                hasBinascii: Bool = true, implementation: String = "micropython", platform: String = "",
                isSimulator: Bool = false) {
        self.hasIlistdir = hasIlistdir
        self.hasRawStdio = hasRawStdio
        self.hasDeflate = hasDeflate
        self.hashAlgorithms = hashAlgorithms
        self.memoryFree = memoryFree
        self.hasStatvfs = hasStatvfs
        self.hasBinascii = hasBinascii
        self.implementation = implementation
        self.platform = platform
        self.isSimulator = isSimulator
    }

    /// Parses the helper's `caps ...` line.
    static func parse(_ line: Substring) -> BoardCapabilities? {
        let f = line.split(separator: " ").map(String.init)
        guard f.count >= 10, f[0] == "caps" else { return nil }
        return BoardCapabilities(
            hasIlistdir: f[1] == "1", hasRawStdio: f[2] == "1", hasDeflate: f[3] == "1",
            hashAlgorithms: f[4] == "-" ? [] : f[4].split(separator: ",").map(String.init),
            memoryFree: Int(f[5]).flatMap { $0 >= 0 ? $0 : nil }, hasStatvfs: f[6] == "1",
            hasBinascii: f[7] == "1", implementation: f[8], platform: f[9],
            isSimulator: f.count > 10 && f[10] == "1")
    }

    /// Transfer chunk size: large enough to amortise per-chunk work, small enough that the board
    /// can hold a chunk, its inflated copy and the deflate window at once.
    public var chunkSize: Int {
        guard let free = memoryFree else { return 2048 }
        var size = 512
        while size < 32768 && size * 8 <= free { size *= 2 }
        return size
    }

    /// DEFLATE window the board can afford (2^bits bytes allocated per inflated chunk).
    public var deflateWindowBits: Int {
        guard let free = memoryFree else { return 9 }
        if free >= 256 * 1024 { return 12 }
        if free >= 64 * 1024 { return 10 }
        return 9
    }
}

/// Board features the host can pretend are missing, to exercise (and test) every fallback path
/// on a board that has them all.
public enum BoardFeature: String, CaseIterable, Sendable {
    case ilistdir = "l"
    case rawStdio = "k"
    case deflate = "z"
    case hashlib = "h"
}
