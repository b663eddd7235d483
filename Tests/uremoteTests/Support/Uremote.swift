import Foundation

/// Runs the built `uremote` executable as a user would, for tests of the real command table,
/// exit statuses and messages.
enum Uremote {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
        var seconds: Double
    }

    /// The package checkout this test file belongs to.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `$UREMOTE_BINARY`, else the `uremote` built next to the test bundle, else `.build/debug/uremote`.
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["UREMOTE_BINARY"] { return URL(fileURLWithPath: path) }
        var candidates: [URL] = []
        var directory = Bundle.main.bundleURL
        for _ in 0..<3 {
            candidates.append(directory.appendingPathComponent("uremote"))
            directory = directory.deletingLastPathComponent()
        }
        if let executable = CommandLine.arguments.first {
            candidates.append(URL(fileURLWithPath: executable).deletingLastPathComponent().appendingPathComponent("uremote"))
        }
        candidates.append(packageRoot.appendingPathComponent(".build/debug/uremote"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[candidates.count - 1]
    }

    /// Runs `uremote ARGS`, feeding `input` on stdin, killing it after `timeout` seconds.
    static func run(_ arguments: [String], input: String? = nil, environment: [String: String] = [:],
                    directory: URL? = nil, timeout: Double = 20) throws -> Outcome {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "UREMOTE_DEVICE")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        if let directory { process.currentDirectoryURL = directory }
        let stdout = Pipe(), stderr = Pipe(), stdin = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        let start = Date()
        try process.run()
        if let input {
            DispatchQueue.global().async {
                stdin.fileHandleForWriting.write(Data(input.utf8))
                try? stdin.fileHandleForWriting.close()
            }
        }
        // Read both pipes concurrently so a chatty child never blocks on a full pipe.
        let collected = Collected()
        let group = DispatchGroup()
        for (pipe, isError) in [(stdout, false), (stderr, true)] {
            group.enter()
            DispatchQueue.global().async {
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                collected.set(data, isError: isError)
                group.leave()
            }
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        _ = group.wait(timeout: .now() + 5)
        let seconds = Date().timeIntervalSince(start)
        return Outcome(status: process.terminationStatus, stdout: collected.text(isError: false),
                       stderr: collected.text(isError: true), seconds: seconds)
    }

    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var out = Data(), err = Data()
        func set(_ data: Data, isError: Bool) {
            lock.lock()
            if isError { err = data } else { out = data }
            lock.unlock()
        }
        func text(isError: Bool) -> String {
            lock.lock()
            defer { lock.unlock() }
            return String(decoding: isError ? err : out, as: UTF8.self)
        }
    }
}
