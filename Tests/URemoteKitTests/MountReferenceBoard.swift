import Foundation
import Testing
@testable import URemoteKit

/// The real MicroPython unix port stood up as a board by `scripts/micropython-board`, with a
/// scratch flash folder and a scratch host folder to mount.
final class MountReferenceBoard: @unchecked Sendable {
    let scratch: URL
    let flash: URL
    let folder: URL
    let linkPath: String
    private let process: Process
    private let stdin = Pipe()

    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    init() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("uremote-mount-\(UUID().uuidString)")
        flash = scratch.appendingPathComponent("flash")
        folder = scratch.appendingPathComponent("host")
        for dir in [flash, folder] { try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true) }
        linkPath = scratch.appendingPathComponent("board").path
        let script = Self.repository.appendingPathComponent("scripts/micropython-board").path
        guard FileManager.default.isExecutableFile(atPath: script) else {
            throw MountTestFailure("scripts/micropython-board is missing (merge the kit branch)")
        }
        guard Self.which("micropython") != nil else {
            throw MountTestFailure("the MicroPython unix port `micropython` is not installed; run scripts/install-deps --test")
        }
        guard let python = Self.which("python3") else { throw MountTestFailure("python3 is needed to run scripts/micropython-board") }
        process = Process()
        // Through python3 to clear the signal mask the test runner hands its children (SIGINT
        // blocked), so the harness can turn Ctrl-C into a SIGINT MicroPython actually receives.
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", "import os, signal, sys; signal.pthread_sigmask(signal.SIG_SETMASK, []); os.execv(sys.argv[1], sys.argv[1:])",
                             script, "--link", linkPath, "--dir", flash.path]
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = stdin
        try process.run()
        // The harness prints the link path, then "ready".
        var seen = ""
        let deadline = Date().addingTimeInterval(15)
        while !seen.contains("ready") {
            guard Date() < deadline else { throw MountTestFailure("micropython-board did not become ready: \(seen)") }
            let data = out.fileHandleForReading.availableData
            if data.isEmpty { throw MountTestFailure("micropython-board exited early: \(seen)") }
            seen += String(decoding: data, as: UTF8.self)
        }
    }

    deinit {
        // waitUntilExit needs a run loop that test threads do not spin; poll instead.
        process.terminate()
        let deadline = Date().addingTimeInterval(3)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        try? FileManager.default.removeItem(at: scratch)
    }

    /// A fresh session over a mount link to the board.
    func connect() throws -> (BoardSession, MountLink) {
        let link = MountLink(wrapping: try PseudoTerminalLink(path: linkPath))
        let options = SessionOptions(connectTimeout: .seconds(5), responseTimeout: .seconds(3),
                                     quietPeriod: .milliseconds(30), maxDrainTime: .milliseconds(500))
        return (BoardSession(link: link, options: options), link)
    }

    /// Writes a file under the host folder, creating directories.
    func put(_ relative: String, _ text: String) throws {
        let url = folder.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    static func which(_ tool: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let path = "\(dir)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}

struct MountTestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension BoardSession {
    /// Runs code and returns its stdout as text, failing the test with the traceback if it raised.
    func run(_ code: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try execute(code, timeout: .seconds(20))
        let error = String(decoding: result.errorOutput, as: UTF8.self)
        #expect(!result.raisedException, "board raised: \(error)", sourceLocation: sourceLocation)
        return String(decoding: result.output, as: UTF8.self)
    }
}
