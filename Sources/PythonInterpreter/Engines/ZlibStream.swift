import CZlib

/// The container formats of MicroPython's `deflate` module (its constants have these values).
public enum DeflateFormat: Int, Sendable {
    case auto = 0, raw = 1, zlib = 2, gzip = 3

    /// zlib's windowBits encoding of the format for a given window size.
    func windowBits(_ window: Int, decompressing: Bool) -> Int32 {
        let bits = Int32(window)
        switch self {
        case .raw: return -bits
        case .zlib: return bits
        case .gzip: return bits + 16
        // Detect zlib or gzip from the header; for compression AUTO means zlib.
        case .auto: return decompressing ? bits + 32 : bits
        }
    }
}

/// Incremental decompression for `deflate.DeflateIO.read`.
///
/// MicroPython reports corrupt data as `OSError(EINVAL)` and input that ends before the
/// compressed stream does as a bare `EOFError`; data after the end of the stream is ignored.
public final class Inflater {
    private let stream: UnsafeMutablePointer<z_stream>
    public private(set) var isFinished = false
    private var isOpen: Bool
    private var chunk = [UInt8](repeating: 0, count: 4096)

    public static let corrupt = EngineError(.osError, "22")
    public static let truncated = EngineError(.eofError, "")

    /// MicroPython's `wbits` limits how far back a stream may refer, and it only fails a stream
    /// that actually refers further. zlib would instead reject any zlib header announcing a
    /// larger window, which MicroPython accepts, so the window is always zlib's largest and
    /// `wbits` is only validated by the module.
    public init(format: DeflateFormat) throws(EngineError) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let bits = 15
        isOpen = uremote_inflateInit2(stream, format.windowBits(bits, decompressing: true)) == Z_OK
        if !isOpen { throw EngineError(.memoryError, "") }
    }

    deinit {
        if isOpen { inflateEnd(stream) }
        stream.deallocate()
    }

    /// Feeds compressed bytes and returns what they decompress to. `consumed` reports how much
    /// of `input` belonged to the stream (the rest follows its end).
    public func decompress(_ input: [UInt8]) throws(EngineError) -> (output: [UInt8], consumed: Int) {
        if isFinished { return ([], 0) }
        var output: [UInt8] = []
        var consumed = 0
        var failure: EngineError?
        input.withUnsafeBufferPointer { source in
            stream.pointee.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
            stream.pointee.avail_in = UInt32(source.count)
            repeat {
                let status: Int32 = chunk.withUnsafeMutableBufferPointer { target in
                    stream.pointee.next_out = target.baseAddress
                    stream.pointee.avail_out = UInt32(target.count)
                    return inflate(stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.pointee.avail_out)
                output += chunk[0..<produced]
                if status == Z_STREAM_END {
                    isFinished = true
                    break
                }
                if status == Z_BUF_ERROR { break }
                if status != Z_OK {
                    failure = Self.corrupt
                    break
                }
            } while stream.pointee.avail_in > 0 || stream.pointee.avail_out == 0
            consumed = source.count - Int(stream.pointee.avail_in)
            stream.pointee.next_in = nil
            stream.pointee.avail_in = 0
        }
        if let failure { throw failure }
        return (output, consumed)
    }
}

/// Incremental compression for `deflate.DeflateIO.write` (MicroPython 1.21+ with compression).
public final class Deflater {
    private let stream: UnsafeMutablePointer<z_stream>
    private var isOpen: Bool

    /// `window` is MicroPython's `wbits` (0: the largest window; zlib cannot compress with
    /// fewer than 9 bits, so smaller values use 9).
    public init(format: DeflateFormat, window: Int) throws(EngineError) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let bits = max(9, min(15, window == 0 ? 15 : window))
        isOpen = uremote_deflateInit2(stream, Z_DEFAULT_COMPRESSION, format.windowBits(bits, decompressing: false), 8) == Z_OK
        if !isOpen { throw EngineError(.memoryError, "") }
    }

    deinit {
        if isOpen { deflateEnd(stream) }
        stream.deallocate()
    }

    public func compress(_ input: [UInt8]) -> [UInt8] {
        run(input, flush: Z_NO_FLUSH)
    }

    /// Ends the stream (trailer included); later calls return nothing.
    public func finish() -> [UInt8] {
        guard isOpen else { return [] }
        let tail = run([], flush: Z_FINISH)
        deflateEnd(stream)
        isOpen = false
        return tail
    }

    private func run(_ input: [UInt8], flush: Int32) -> [UInt8] {
        guard isOpen else { return [] }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16384)
        input.withUnsafeBufferPointer { source in
            stream.pointee.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
            stream.pointee.avail_in = UInt32(source.count)
            while true {
                let status: Int32 = chunk.withUnsafeMutableBufferPointer { target in
                    stream.pointee.next_out = target.baseAddress
                    stream.pointee.avail_out = UInt32(target.count)
                    return deflate(stream, flush)
                }
                output += chunk[0..<(chunk.count - Int(stream.pointee.avail_out))]
                if status == Z_STREAM_END || status < 0 { break }
                if stream.pointee.avail_out != 0 && (flush != Z_FINISH || stream.pointee.avail_in == 0) && flush != Z_FINISH {
                    break
                }
            }
            stream.pointee.next_in = nil
            stream.pointee.avail_in = 0
        }
        return output
    }
}
