import Crypto
import Foundation

/// A file's bytes and where they go on the board.
public struct UploadItem: Sendable {
    public var data: [UInt8]
    public var remotePath: String
    /// Label for progress and messages (usually the source path as the user typed it).
    public var label: String

    public init(data: [UInt8], remotePath: String, label: String? = nil) {
        self.data = data
        self.remotePath = remotePath
        self.label = label ?? remotePath
    }
}

/// Sends files to the board's `_ur_rx` receive loop: one execution for any number of files,
/// framed raw (or base64) chunks with per-frame acknowledgement, a temporary file on the board
/// renamed into place only after size and SHA-256 match.
///
/// The per-frame acknowledgement is both flow control and the way a board-side error (ENOSPC,
/// EROFS) reaches the host before it sends the rest; `FramePipeline` decides how far ahead of
/// the acknowledgements the host may run without overrunning a UART.
struct FileUploader {
    let runner: BoardCodeRunner
    let capabilities: BoardCapabilities
    let options: TransferOptions
    let progress: TransferProgressObserver?
    let statistics: TransferStatistics?
    /// Shared by every upload of the session, so what one learnt about the link serves the next.
    let pacing: LinkPacing

    /// The raw-paste window MicroPython announces (128 bytes), used as the credit unit when the
    /// session has not seen the board's own: boards grant two windows at once when raw-paste
    /// starts, so their receive buffer holds two units while they are busy.
    static let assumedReceiveWindow = 128

    private var raw: Bool { capabilities.hasRawStdio }

    /// Uploads every item in order; stops at and throws the first failure (the board has
    /// already deleted that file's temporary copy).
    func upload(_ items: [UploadItem]) throws {
        guard !items.isEmpty else { return }
        guard raw || capabilities.hasBinascii else {
            throw BoardFileError.session("cp: the board has neither micropython.kbd_intr nor binascii; cannot transfer files")
        }
        let chunk = options.chunkSize ?? capabilities.chunkSize
        let bufferSize = raw ? chunk : (chunk / 3 + 1) * 4 + 4
        let windowBits = capabilities.deflateWindowBits
        let idleMs = Int(options.boardIdleTimeout.seconds * 1000)
        let reader = LinkReader(link: runner.link, timeout: options.hostTimeout)
        let started = ContinuousClock.now
        let paced = !pacing.startsFlowControlled(link: runner.link, capabilities: capabilities)
        let unit = runner.receiveWindow ?? Self.assumedReceiveWindow
        try runner.startCode("_ur_rx(\(bufferSize),\(idleMs),\(windowBits),\(paced ? unit : 0))")
        let first = try reader.readByte()
        guard first == 0x06 else {
            let tail = try reader.readExecutionTail(startingWith: [first])
            throw BoardFileSystem.error(from: tail, operation: "cp", path: items[0].remotePath)
        }
        var pipeline = FramePipeline(reader: reader, link: runner.link, pacing: pacing, paced: paced, creditUnit: unit,
                                     deepWindow: options.framesInFlight * (bufferSize + TransferFrame.headerSize))
        var wireBytes = 0
        for (index, item) in items.enumerated() {
            if pipeline.firstFailure != nil { break }
            wireBytes += try send(item, index: index, chunk: raw ? chunk : chunk / 3 * 3, windowBits: windowBits,
                                  pipeline: &pipeline, reader: reader)
        }
        try pipeline.drain()
        try pipeline.write(TransferFrame.encode(.quit, []))
        _ = try runner.finishCode(timeout: options.hostTimeout)
        statistics?.record(bytes: items.reduce(0) { $0 + $1.data.count }, wireBytes: wireBytes,
                           seconds: (ContinuousClock.now - started).seconds)
        if let (index, message) = pipeline.firstFailure {
            throw failure(message, path: items[index].remotePath)
        }
    }

    /// Queues one file's frames; returns the bytes put on the wire.
    private func send(_ item: UploadItem, index: Int, chunk: Int, windowBits: Int,
                      pipeline: inout FramePipeline, reader: LinkReader) throws -> Int {
        defer { progress?.transferEnded(name: item.label) }
        let digest = hexString(SHA256.hash(data: item.data))
        let deflater = ChunkDeflater(windowBits: windowBits)
        let useDeflate = raw && capabilities.hasDeflate && options.compress
        var wire = 0
        func queue(_ frame: [UInt8]) throws {
            // Control frames (paths, digests) go through the same escaping as data in raw mode.
            wire += frame.count
            try pipeline.send(frame, file: index)
        }
        try queue(control(.open, Array(item.remotePath.utf8)))
        var offset = 0
        while offset < item.data.count {
            if pipeline.failure(of: index) != nil {
                try queue(TransferFrame.encode(.abort, []))
                return wire
            }
            let end = min(item.data.count, offset + chunk)
            let slice = item.data[offset..<end]
            if !raw {
                try queue(TransferFrame.encode(.base64, Array(Data(slice).base64EncodedString().utf8)))
                offset = end
            } else {
                var sent = false
                if useDeflate, let packed = deflater.deflate(slice),
                   Double(packed.count) <= Double(slice.count) * (1 - options.minimumSaving) {
                    let escaped = TransferFrame.escape(packed[...], limit: chunk)
                    if escaped.consumed == packed.count {
                        try queue(TransferFrame.encode(.deflated, escaped.bytes))
                        offset = end
                        sent = true
                    }
                }
                if !sent {
                    // Escaping may not fit the whole slice in the board's buffer; the rest goes next.
                    let escaped = TransferFrame.escape(slice, limit: chunk)
                    try queue(TransferFrame.encode(.data, escaped.bytes))
                    offset += escaped.consumed
                }
            }
            progress?.transferProgress(name: item.label, done: offset, total: item.data.count)
        }
        let boardHashes = capabilities.hashAlgorithms.contains("sha256")
        try queue(control(.commit, Array("\(item.data.count)/\(boardHashes ? digest : "")".utf8)))
        if !boardHashes {
            // The board cannot hash: it sends the temporary file back to be compared here.
            try pipeline.drain()
            if pipeline.failure(of: index) != nil { return wire }
            let back = try FrameStreamReader(reader: reader).readFile(path: item.remotePath)
            wire += back.bytes.count
            let ok = back.bytes == item.data
            try queue(TransferFrame.encode(ok ? .rename : .abort, []))
            try pipeline.drain()
            if !ok { pipeline.fail(index, "Vread-back differs") }
        }
        return wire
    }

    /// A frame whose payload is escaped like data when bytes cross raw.
    private func control(_ kind: FrameKind, _ payload: [UInt8]) -> [UInt8] {
        raw ? TransferFrame.encode(kind, TransferFrame.escape(payload[...], limit: Int.max).bytes)
            : TransferFrame.encode(kind, payload)
    }

    private func failure(_ message: String, path: String) -> BoardFileError {
        if message.hasPrefix("E"), let errno = Int(message.dropFirst()) {
            return BoardFileError.fromErrno(errno, operation: "cp", path: path)
        }
        let reason = message.hasPrefix("V") ? String(message.dropFirst()) : message
        return .verificationFailed(path: path, reason: reason == "hash" ? "SHA-256 mismatch" : reason)
    }

}
