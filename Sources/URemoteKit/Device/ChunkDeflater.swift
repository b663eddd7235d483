import CZlib

/// Compresses one transfer chunk into a raw DEFLATE stream for the board's `deflate.DeflateIO`
/// (format `RAW`), which inflates it with a window of `2^windowBits` bytes.
///
/// Each chunk is compressed on its own so the board needs no state between chunks and a chunk
/// that does not shrink can be sent raw instead; the window is kept as small as the board's
/// memory asks, since the board allocates it for every chunk it inflates.
struct ChunkDeflater {
    /// Base-2 logarithm of the window, 8...15, agreed with the board.
    let windowBits: Int32

    init(windowBits: Int) {
        self.windowBits = Int32(min(15, max(9, windowBits)))
    }

    /// The compressed bytes, or nil when compression would not pay or zlib fails (the caller then
    /// sends the chunk raw). A sample of the chunk is tried first, so random data costs little.
    func deflate(_ input: ArraySlice<UInt8>) -> [UInt8]? {
        if input.count > 8192, let sample = compress(input.prefix(4096)), sample.count > 4096 * 95 / 100 {
            return nil
        }
        return compress(input)
    }

    private func compress(_ input: ArraySlice<UInt8>) -> [UInt8]? {
        var stream = z_stream()
        guard uremote_deflateInit2(&stream, 6, -windowBits, 9) == Z_OK else { return nil }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, uLong(input.count))) + 16
        return Self.finish(&stream, input: Array(input), capacity: bound) { CZlib.deflate(&$0, Z_FINISH) }
    }

    /// Inflates a raw DEFLATE stream; the tests use it to check what the board will receive.
    static func inflate(_ input: [UInt8], windowBits: Int, expectedSize: Int) -> [UInt8]? {
        var stream = z_stream()
        guard uremote_inflateInit2(&stream, -Int32(windowBits)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        return finish(&stream, input: input, capacity: max(1, expectedSize)) { CZlib.inflate(&$0, Z_FINISH) }
    }

    /// Runs one `Z_FINISH` step of an initialised zlib stream over all of `input` into a buffer of
    /// `capacity` bytes; nil unless the stream ended within it.
    private static func finish(_ stream: inout z_stream, input: [UInt8], capacity: Int,
                               step: (inout z_stream) -> Int32) -> [UInt8]? {
        var output = [UInt8](repeating: 0, count: capacity)
        var input = input
        let status: Int32 = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                stream.next_in = inBuf.baseAddress
                stream.avail_in = uInt(inBuf.count)
                stream.next_out = outBuf.baseAddress
                stream.avail_out = uInt(outBuf.count)
                return step(&stream)
            }
        }
        guard status == Z_STREAM_END else { return nil }
        output.removeSubrange(Int(stream.total_out)...)
        return output
    }
}
