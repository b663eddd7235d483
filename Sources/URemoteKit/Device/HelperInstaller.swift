import Foundation

/// Sends the helper functions (`BoardHelperScript`) to a board that does not hold them yet.
///
/// A two-line bootstrap reads the source in acknowledged pieces no bigger than a UART receive
/// buffer holds, so a board that falls behind (a slow port, a simulator on a busy machine) loses
/// nothing even on a link without flow control; raw-paste would do the same at one round trip per
/// 128 bytes. Where the firmware can inflate, the source travels deflated (less than half the
/// bytes), escaped like transfer data because Ctrl-C stays live: a board that loses the host
/// mid-install can still be interrupted by the next session.
struct HelperInstaller {
    let runner: BoardCodeRunner
    let timeout: Duration
    /// Bytes per acknowledged piece: what any MicroPython board buffers while it is busy.
    static let pieceSize = 256
    static let windowBits = 9

    /// Installs the helper, then runs `call` (the capability probe) in the same execution.
    func install(then call: String) throws -> BoardOutput {
        let plain = Array((BoardHelperScript.source + "\n" + call + "\n").utf8)
        let packed = Self.deflated(plain)
        let reader = LinkReader(link: runner.link, timeout: timeout)
        try runner.startCode(Self.bootstrap(plainCount: plain.count, packedCount: packed?.count))
        let first = try reader.readByte()
        guard first == 0x06 else {
            let tail = try reader.readExecutionTail(startingWith: [first])
            throw BoardFileSystem.error(from: tail, operation: "connect", path: "")
        }
        let compressed = try reader.readByte() == UInt8(ascii: "1")
        let payload = compressed ? (packed ?? plain) : plain
        var offset = 0
        while offset < payload.count {
            if offset > 0 {
                let ack = try reader.readByte()
                guard ack == 0x06 else {
                    let tail = try reader.readExecutionTail(startingWith: [ack])
                    throw BoardFileSystem.error(from: tail, operation: "connect", path: "")
                }
            }
            let end = min(payload.count, offset + Self.pieceSize)
            do { try runner.link.write(Array(payload[offset..<end])) } catch {
                throw BoardFileError.session(error.description)
            }
            offset = end
        }
        return try runner.finishCode(timeout: timeout)
    }

    /// The helper source deflated and escaped (0x03 and 0x10 as 0x10 'C' / 0x10 'P', undone by two
    /// `replace` calls on the board), or nil when that does not save a quarter.
    static func deflated(_ plain: [UInt8]) -> [UInt8]? {
        guard let packed = ChunkDeflater(windowBits: windowBits).deflate(plain[...]) else { return nil }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(packed.count + packed.count / 64)
        for byte in packed {
            switch byte {
            case 0x03: escaped += [0x10, UInt8(ascii: "C")]
            case 0x10: escaped += [0x10, UInt8(ascii: "P")]
            default: escaped.append(byte)
            }
        }
        return escaped.count * 4 <= plain.count * 3 ? escaped : nil
    }

    /// Board side: says whether it will take the deflated form, then acknowledges every piece
    /// before reading it (the first acknowledgement is the answer byte's predecessor).
    static func bootstrap(plainCount: Int, packedCount: Int?) -> String {
        let z = packedCount != nil ? "1" : "0"
        return """
        import sys
        _ur_b=getattr(sys.stdin,'buffer',0)
        try:
         import deflate,io;_ur_z=\(z) and _ur_b and 1
        except ImportError:_ur_z=0
        _ur_n=(\(plainCount),\(packedCount ?? 0))[_ur_z];_ur_r=(_ur_b or sys.stdin).read;_ur_l=[]
        print('\\x06%d'%_ur_z,end='')
        while _ur_n>0:
         if _ur_l:print('\\x06',end='')
         _ur_l.append(_ur_r(min(\(pieceSize),_ur_n)));_ur_n-=len(_ur_l[-1])
        _ur_b=_ur_l[0][:0].join(_ur_l);del _ur_l
        if _ur_z:_ur_b=deflate.DeflateIO(io.BytesIO(_ur_b.replace(b'\\x10C',b'\\x03').replace(b'\\x10P',b'\\x10')),deflate.RAW,\(windowBits)).read()
        exec(_ur_b);del _ur_b
        """
    }
}
