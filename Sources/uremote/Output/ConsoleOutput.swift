#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import URemoteKit

/// Unbuffered writes to stdout or stderr, so board output appears the moment it arrives.
///
/// Chunks go through a `UTF8ChunkAligner`, so no single write ends inside a character. A closed
/// pipe (`uremote devs | head -1`) is not an error worth a message: output just stops.
///
/// On a stdout that is not a terminal, uremote's own text (listings, `cp` lines, notices) is
/// held until the chain ends, an error is about to be printed, or 8 kB gather, while board
/// output goes straight through: the order mpremote's piped output has (its prints are
/// block-buffered, the board's bytes are not), which scripts and mpremote's own test
/// expectations are written against.
final class ConsoleOutput: @unchecked Sendable {
    private let lock = NSLock()
    let descriptor: Int32
    private var aligner = UTF8ChunkAligner()
    private(set) var pipeClosed = false
    /// The last byte written, so a message can start on a fresh line.
    private(set) var lastByte: UInt8 = 10
    private let holdsText: Bool
    private var heldText: [UInt8] = []

    init(descriptor: Int32) {
        self.descriptor = descriptor
        holdsText = descriptor == 1 && isatty(descriptor) != 1
    }

    static let standardOutput = ConsoleOutput(descriptor: 1)
    static let standardError = ConsoleOutput(descriptor: 2)

    /// Whether this stream is a terminal (progress bars, colours).
    var isTerminal: Bool { isatty(descriptor) == 1 }

    /// Board bytes, streamed as they come.
    func write(bytes: [UInt8]) {
        lock.lock()
        defer { lock.unlock() }
        writeAll(aligner.align(bytes))
    }

    func write(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        if holdsText {
            heldText += Array(text.utf8)
            if heldText.count >= 8192 { writeHeldText() }
            return
        }
        writeAll(aligner.flush())
        writeAll(Array(text.utf8))
    }

    /// Writes the text held back on a piped stdout; at the end of a chain and before errors.
    func releaseHeldText() {
        lock.lock()
        defer { lock.unlock() }
        writeHeldText()
    }

    private func writeHeldText() {
        guard !heldText.isEmpty else { return }
        writeAll(aligner.flush())
        let text = heldText
        heldText = []
        writeAll(text)
    }

    func line(_ text: String) { write(text + "\n") }

    /// Sends anything held back at the end of a stream.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        writeAll(aligner.flush())
    }

    private func writeAll(_ bytes: [UInt8]) {
        guard !bytes.isEmpty, !pipeClosed else { return }
        lastByte = bytes[bytes.count - 1]
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { buffer in
                #if canImport(Glibc)
                Glibc.write(descriptor, buffer.baseAddress, buffer.count)
                #else
                Darwin.write(descriptor, buffer.baseAddress, buffer.count)
                #endif
            }
            if written < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                pipeClosed = true
                return
            }
            offset += written
        }
    }
}
