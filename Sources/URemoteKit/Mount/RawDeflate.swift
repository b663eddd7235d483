import CZlib

/// Raw DEFLATE with a small window, which MicroPython's `deflate.DeflateIO` inflates in 1 kB of RAM.
///
/// On a UART at 115200 baud a module's bytes, not round trips, are what an import waits for;
/// Python source shrinks to about a third, so file blocks travel compressed when the board can
/// inflate them.
enum RawDeflate {
    /// log2 of the window; the agent passes the same value to DeflateIO.
    static let windowBits: Int32 = 10

    static func compress(_ input: [UInt8]) -> [UInt8]? {
        var stream = z_stream()
        guard uremote_deflateInit2(&stream, 9, -windowBits, 8) == Z_OK else { return nil }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))) + 16)
        var source = input
        let status = source.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                stream.next_in = inBuffer.baseAddress
                stream.avail_in = uInt(inBuffer.count)
                stream.next_out = outBuffer.baseAddress
                stream.avail_out = uInt(outBuffer.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { return nil }
        output.removeLast(Int(stream.avail_out))
        return output
    }
}
