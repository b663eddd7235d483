import Crypto
import Foundation

/// Reads one file sent by the board's `_ur_tx1`: data frames (raw or base64) ending in a commit
/// frame `SIZE/SHA256HEX`, or an error frame whose length field is the errno.
struct FrameStreamReader {
    let reader: LinkReader

    struct File {
        var bytes: [UInt8]
        /// The digest the board computed, empty when it has no hashlib.
        var boardDigest: String
        var boardSize: Int
    }

    func readFile(path: String, onChunk: (([UInt8], Int) -> Void)? = nil) throws -> File {
        var bytes: [UInt8] = []
        while true {
            let header = try reader.readExactly(TransferFrame.headerSize)
            guard let (kind, length) = TransferFrame.decodeHeader(header[...]) else {
                if header.first == 0x04 {
                    // The helper ended early: what follows is the raw REPL's error output.
                    let tail = try reader.readExecutionTail(startingWith: header)
                    throw BoardFileSystem.error(from: tail, operation: "cp", path: path)
                }
                throw BoardFileError.protocolViolation("bad frame header \(Array(header))")
            }
            if kind == FrameKind.error.rawValue {
                throw BoardFileError.fromErrno(length, operation: "cp", path: path)
            }
            let payload = try reader.readExactly(length)
            switch kind {
            case FrameKind.data.rawValue:
                bytes.append(contentsOf: payload)
                onChunk?(payload, bytes.count)
            case FrameKind.base64.rawValue:
                guard let decoded = Data(base64Encoded: Data(payload)) else {
                    throw BoardFileError.protocolViolation("undecodable base64 chunk")
                }
                bytes.append(contentsOf: decoded)
                onChunk?([UInt8](decoded), bytes.count)
            case FrameKind.commit.rawValue:
                let text = String(decoding: payload, as: UTF8.self)
                let parts = text.split(separator: "/", omittingEmptySubsequences: false)
                guard parts.count == 2, let size = Int(parts[0]) else {
                    throw BoardFileError.protocolViolation("bad end frame \(text)")
                }
                return File(bytes: bytes, boardDigest: String(parts[1]), boardSize: size)
            default:
                throw BoardFileError.protocolViolation("unexpected frame kind \(kind)")
            }
        }
    }
}

/// Fetches files from the board's `_ur_tx` in one execution and verifies each against the size
/// and SHA-256 the board reports.
struct FileDownloader {
    let runner: BoardCodeRunner
    let capabilities: BoardCapabilities
    let options: TransferOptions
    let progress: TransferProgressObserver?
    let statistics: TransferStatistics?

    /// Calls `deliver` with each verified file in order; a file that fails stops the transfer
    /// after the board has finished sending (so the link stays in step) and is thrown.
    func download(_ paths: [String], sizes: [Int?] = [], label: (Int) -> String,
                  deliver: (Int, [UInt8]) throws -> Void) throws {
        guard !paths.isEmpty else { return }
        let chunk = options.chunkSize ?? capabilities.chunkSize
        let reader = LinkReader(link: runner.link, timeout: options.hostTimeout)
        let started = ContinuousClock.now
        var received = 0
        try runner.startCode("_ur_tx(\(PythonLiteral.list(paths)),\(chunk))")
        var failure: Error?
        for (index, path) in paths.enumerated() {
            let name = label(index)
            let total = index < sizes.count ? sizes[index] : nil
            do {
                let file = try FrameStreamReader(reader: reader).readFile(path: path) { _, done in
                    progress?.transferProgress(name: name, done: done, total: max(total ?? done, done))
                }
                progress?.transferEnded(name: name)
                received += file.bytes.count
                if file.boardSize != file.bytes.count {
                    throw BoardFileError.verificationFailed(path: path, reason: "got \(file.bytes.count) of \(file.boardSize) bytes")
                }
                if !file.boardDigest.isEmpty && file.boardDigest != hexString(SHA256.hash(data: file.bytes)) {
                    throw BoardFileError.verificationFailed(path: path, reason: "SHA-256 mismatch")
                }
                if failure == nil { try deliver(index, file.bytes) }
            } catch let error as BoardFileError {
                progress?.transferEnded(name: name)
                switch error {
                // A board exception has already ended the execution (its tail was read).
                case .session, .protocolViolation, .boardException: throw error
                default: if failure == nil { failure = error }
                }
            }
        }
        _ = try runner.finishCode(timeout: options.hostTimeout)
        statistics?.record(bytes: received, wireBytes: received, seconds: (ContinuousClock.now - started).seconds)
        if let failure { throw failure }
    }
}
