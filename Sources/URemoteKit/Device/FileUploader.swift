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
/// Pipelining `framesInFlight` frames keeps the link saturated; the per-frame acknowledgement is
/// both flow control (the board never has more than that many chunks waiting) and the way a
/// board-side error (ENOSPC, EROFS) reaches the host before it sends the rest.
struct FileUploader {
    let runner: BoardCodeRunner
    let capabilities: BoardCapabilities
    let options: TransferOptions
    let progress: TransferProgressObserver?

    private var raw: Bool { capabilities.hasRawStdio }

    /// Uploads every item in order; stops at and throws the first failure, after telling the
    /// board to drop that file's temporary copy.
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
        try runner.startCode("_ur_rx(\(bufferSize),\(idleMs),\(windowBits))")
        let first = try reader.readByte()
        guard first == 0x06 else {
            let tail = try reader.readExecutionTail(startingWith: [first])
            throw BoardFileSystem.error(from: tail, operation: "cp", path: items[0].remotePath)
        }
        var failure: Error?
        for item in items {
            do {
                try send(item, chunk: raw ? chunk : chunk / 3 * 3, windowBits: windowBits, reader: reader)
            } catch let error as BoardFileError {
                if case .session = error { throw error }
                failure = error
                break
            }
        }
        try write(TransferFrame.encode(.quit, []))
        _ = try runner.finishCode(timeout: options.hostTimeout)
        if let failure { throw failure }
    }

    private func send(_ item: UploadItem, chunk: Int, windowBits: Int, reader: LinkReader) throws {
        defer { progress?.transferEnded(name: item.label) }
        let digest = hexString(SHA256.hash(data: item.data))
        let deflater = ChunkDeflater(windowBits: windowBits)
        let useDeflate = raw && capabilities.hasDeflate && options.compress
        var pending = 0
        var boardError: String?

        func collect(untilAtMost limit: Int) throws {
            while pending > limit {
                let answer = try reader.readByte()
                pending -= 1
                if answer == 0x15 {
                    let message = String(decoding: try reader.readLine(), as: UTF8.self)
                    if boardError == nil { boardError = message }
                } else if answer != 0x06 {
                    throw BoardFileError.protocolViolation("byte \(answer) instead of an acknowledgement")
                }
            }
        }

        try write(TransferFrame.encode(.open, text: item.remotePath))
        pending += 1
        var offset = 0
        while offset < item.data.count && boardError == nil {
            let end = min(item.data.count, offset + chunk)
            let slice = item.data[offset..<end]
            let frame: [UInt8]
            if !raw {
                frame = TransferFrame.encode(.base64, Array(Data(slice).base64EncodedString().utf8))
            } else if useDeflate, let packed = deflater.deflate(slice),
                      Double(packed.count) <= Double(slice.count) * (1 - options.minimumSaving) {
                frame = TransferFrame.encode(.deflated, packed)
            } else {
                frame = TransferFrame.encode(.data, slice)
            }
            try collect(untilAtMost: options.framesInFlight - 1)
            if boardError != nil { break }
            try write(frame)
            pending += 1
            offset = end
            progress?.transferProgress(name: item.label, done: offset, total: item.data.count)
        }
        try collect(untilAtMost: 0)
        if let boardError {
            try abandon(reader: reader)
            throw failure(boardError, path: item.remotePath)
        }
        let boardHashes = capabilities.hashAlgorithms.contains("sha256")
        try write(TransferFrame.encode(.commit, text: "\(item.data.count)/\(boardHashes ? digest : "")"))
        pending = 1
        try collect(untilAtMost: 0)
        if let boardError { throw failure(boardError, path: item.remotePath) }
        if !boardHashes {
            // The board cannot hash: read the temporary file back and compare here.
            let back = try FrameStreamReader(reader: reader).readFile(path: item.remotePath)
            let ok = back.bytes == item.data
            try write(TransferFrame.encode(ok ? .rename : .abort, []))
            pending = 1
            try collect(untilAtMost: 0)
            if !ok { throw BoardFileError.verificationFailed(path: item.remotePath, reason: "read-back differs") }
            if let boardError { throw failure(boardError, path: item.remotePath) }
        }
    }

    private func abandon(reader: LinkReader) throws {
        try write(TransferFrame.encode(.abort, []))
        let answer = try reader.readByte()
        if answer == 0x15 { _ = try reader.readLine() }
    }

    private func failure(_ message: String, path: String) -> BoardFileError {
        if message.hasPrefix("E"), let errno = Int(message.dropFirst()) {
            return BoardFileError.fromErrno(errno, operation: "cp", path: path)
        }
        let reason = message.hasPrefix("V") ? String(message.dropFirst()) : message
        return .verificationFailed(path: path, reason: reason == "hash" ? "SHA-256 mismatch" : reason)
    }

    private func write(_ bytes: [UInt8]) throws {
        do { try runner.link.write(bytes) } catch { throw BoardFileError.session(error.description) }
    }
}
