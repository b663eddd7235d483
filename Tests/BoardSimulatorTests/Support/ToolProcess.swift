import Foundation

/// Runs external programs for the acceptance tests (mpremote, the uremote binary).
enum ToolProcess {
    struct Result {
        var status: Int32
        var output: String
        var errors: String
    }

    enum Failure: Error, CustomStringConvertible {
        case missing(String)
        case timedOut([String], output: String, errors: String)

        var description: String {
            switch self {
            case .missing(let what): return what
            case .timedOut(let args, let output, let errors):
                return "timed out: \(args.joined(separator: " "))\nstdout: \(output)\nstderr: \(errors)"
            }
        }
    }

    /// The absolute path of `name` on PATH, or a failure naming the tool to install.
    static func find(_ name: String, hint: String) throws -> String {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for dir in paths + ["/usr/local/bin", "\(NSHomeDirectory())/.local/bin"] {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw Failure.missing("\(name) is not installed: \(hint)")
    }

    /// The uremote executable built from this checkout.
    static func uremoteBinary() throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
        for configuration in ["debug", "release"] {
            let candidate = "\(root)/.build/\(configuration)/uremote"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw Failure.missing("the uremote binary is not built: run `swift build --product uremote` first")
    }

    static func run(_ executable: String, _ arguments: [String], input: String? = nil,
                    directory: String? = nil, timeout: Double = 30) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe()
        let err = Pipe()
        let inp = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inp
        let collected = Collected()
        out.fileHandleForReading.readabilityHandler = { collected.add(out: $0.availableData) }
        err.fileHandleForReading.readabilityHandler = { collected.add(err: $0.availableData) }
        try process.run()
        if let input { inp.fileHandleForWriting.write(Data(input.utf8)) }
        try? inp.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw Failure.timedOut([executable] + arguments, output: collected.output, errors: collected.errors)
        }
        process.waitUntilExit()
        Thread.sleep(forTimeInterval: 0.05)
        out.fileHandleForReading.readabilityHandler = nil
        err.fileHandleForReading.readabilityHandler = nil
        collected.add(out: out.fileHandleForReading.readDataToEndOfFile())
        collected.add(err: err.fileHandleForReading.readDataToEndOfFile())
        return Result(status: process.terminationStatus, output: collected.output, errors: collected.errors)
    }
}

private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var out = Data()
    private var err = Data()

    func add(out data: Data) { lock.lock(); out.append(data); lock.unlock() }
    func add(err data: Data) { lock.lock(); err.append(data); lock.unlock() }
    var output: String { lock.lock(); defer { lock.unlock() }; return String(decoding: out, as: UTF8.self) }
    var errors: String { lock.lock(); defer { lock.unlock() }; return String(decoding: err, as: UTF8.self) }
}

/// `uremote sim serve` running as a subprocess for the length of a test.
final class ServedBoard {
    let process = Process()
    let path: String
    let flash: String

    init(flash: String, extraArguments: [String] = []) throws {
        self.flash = flash
        try FileManager.default.createDirectory(atPath: flash, withIntermediateDirectories: true)
        process.executableURL = URL(fileURLWithPath: try ToolProcess.uremoteBinary())
        process.arguments = ["sim", "serve", "--flash", flash] + extraArguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            let byte = out.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { break }
            line.append(byte)
        }
        path = String(decoding: line, as: UTF8.self)
        guard path.hasPrefix("/dev/") else {
            process.terminate()
            throw ToolProcess.Failure.missing("uremote sim serve did not print a pty path (got '\(path)')")
        }
    }

    func stop() {
        if process.isRunning {
            process.interrupt()
            process.waitUntilExit()
        }
    }

    deinit { stop() }
}
