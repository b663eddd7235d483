import Foundation
import Testing

/// Real MicroPython (the unix port) standing as a board on a pseudo-terminal, via
/// `scripts/micropython-board`; each test gets a fresh board and flash folder.
final class ReferenceBoard {
    let link: String
    let flash: URL
    private let process: Process
    private let input: Pipe

    /// `linkArguments` go to the harness, e.g. `["--baud", "115200"]` for a throttled link.
    init(linkArguments: [String] = []) throws {
        guard Self.which("micropython") != nil else {
            throw HarnessError("the MicroPython unix port (`micropython`) is not installed; run scripts/install-deps --test")
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("uremote-cli-\(UUID().uuidString)")
        flash = scratch.appendingPathComponent("flash")
        try FileManager.default.createDirectory(at: flash, withIntermediateDirectories: true)
        link = scratch.appendingPathComponent("board").path
        process = Process()
        // The harness clears the signal mask it inherits from the test runner (which blocks SIGINT),
        // so MicroPython can see a host Ctrl-C.
        process.executableURL = Uremote.packageRoot.appendingPathComponent("scripts/micropython-board")
        process.arguments = ["--link", link, "--dir", flash.path] + linkArguments
        let output = Pipe()
        input = Pipe()
        process.standardOutput = output
        process.standardInput = input
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait for "ready" (bounded: a harness that never starts must fail the test, not hang it).
        let ready = DispatchSemaphore(value: 0)
        let seen = LockedText()
        output.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty { handle.readabilityHandler = nil; ready.signal(); return }
            if seen.append(String(decoding: data, as: UTF8.self)).contains("ready") {
                handle.readabilityHandler = nil
                ready.signal()
            }
        }
        if ready.wait(timeout: .now() + 15) == .timedOut || !seen.text.contains("ready") {
            process.terminate()
            throw HarnessError("scripts/micropython-board did not become ready: \(seen.text)")
        }
    }

    /// Stops the board and removes its scratch folder.
    func stop() {
        try? input.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: flash.deletingLastPathComponent())
    }

    deinit { stop() }

    /// `uremote connect LINK ARGS...`
    func uremote(_ arguments: [String], input: String? = nil, timeout: Double = 20) throws -> Uremote.Outcome {
        try Uremote.run(["connect", link] + arguments, input: input, directory: flash, timeout: timeout)
    }

    static func which(_ tool: String) -> String? {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let path = "\(directory)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}

struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

final class LockedText: @unchecked Sendable {
    private let lock = NSLock()
    private var value = ""
    @discardableResult func append(_ more: String) -> String {
        lock.lock()
        defer { lock.unlock() }
        value += more
        return value
    }
    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}
