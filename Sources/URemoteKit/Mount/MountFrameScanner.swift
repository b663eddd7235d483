/// Splits the board's output into program output and mount requests, byte-exactly.
///
/// Bytes are held back only while they could still be the start of a request; as soon as they
/// cannot (wrong token, bad check byte, unknown op) the first byte is released as output and the
/// scan resumes after it, so output that merely resembles a frame reaches the user unchanged.
struct MountFrameScanner {
    enum Piece: Equatable {
        case output([UInt8])
        case request(MountRequest)
    }

    let token: [UInt8]
    private var held: [UInt8] = []

    init(token: [UInt8]) {
        self.token = token
    }

    /// True while bytes are held because they may begin a request.
    var isHolding: Bool { !held.isEmpty }

    /// True when the held bytes are a validated header waiting for its payload: then they are a
    /// real request, never to be released as output.
    var holdsValidatedHeader: Bool { held.count >= MountWire.headerCount && headerIsValid(held) }

    mutating func feed(_ bytes: [UInt8]) -> [Piece] {
        held.append(contentsOf: bytes)
        var pieces: [Piece] = []
        var output: [UInt8] = []
        var start = 0
        scan: while start < held.count {
            guard let at = held[start...].firstIndex(of: MountWire.magic[0]) else {
                output.append(contentsOf: held[start...])
                start = held.count
                break
            }
            output.append(contentsOf: held[start..<at])
            start = at
            let available = held.count - start
            let prefix = Array(held[start..<min(held.count, start + MountWire.headerCount)])
            if !couldBeHeader(prefix) {
                output.append(held[start])
                start += 1
                continue
            }
            if available < MountWire.headerCount { break scan }
            let length = Int(prefix[7]) | Int(prefix[8]) << 8
            guard available >= MountWire.headerCount + length, let op = MountOp(rawValue: prefix[6]) else { break scan }
            if !output.isEmpty {
                pieces.append(.output(output))
                output = []
            }
            let payloadStart = start + MountWire.headerCount
            pieces.append(.request(MountRequest(op: op, payload: Array(held[payloadStart..<payloadStart + length]))))
            start = payloadStart + length
        }
        if !output.isEmpty { pieces.append(.output(output)) }
        held.removeFirst(start)
        return pieces
    }

    /// Gives up on held bytes that never became a request (the link went quiet mid-header).
    mutating func releaseHeld() -> [UInt8] {
        if holdsValidatedHeader { return [] }
        let bytes = held
        held = []
        return bytes
    }

    /// Whether `prefix` (up to a header's length) agrees with a request header so far.
    private func couldBeHeader(_ prefix: [UInt8]) -> Bool {
        for (i, byte) in prefix.enumerated() {
            switch i {
            case 0, 1: if byte != MountWire.magic[i] { return false }
            case 2..<6: if byte != token[i - 2] { return false }
            case 6: if MountOp(rawValue: byte) == nil { return false }
            case 9: if !headerIsValid(prefix) { return false }
            default: break
            }
        }
        return true
    }

    private func headerIsValid(_ header: [UInt8]) -> Bool {
        header.count >= MountWire.headerCount
            && Array(header[0..<2]) == MountWire.magic
            && Array(header[2..<6]) == token
            && MountOp(rawValue: header[6]) != nil
            && header[9] == MountWire.check(token: token, op: header[6], lengthLow: header[7], lengthHigh: header[8])
    }
}
