import Foundation

/// `uremote sim serve` on a pseudo-terminal for the length of a test: one board that several
/// tools open and close in turn, as a physical board on a USB port would be.
final class ServedSimulator {
    let link: String
    let flash: URL
    private let process: Process

    /// `environment` adds to this process's (`XDG_RUNTIME_DIR` decides where it registers).
    init(environment: [String: String] = [:]) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("uremote-served-\(UUID().uuidString)")
        flash = root.appendingPathComponent("flash")
        link = root.appendingPathComponent("board").path
        try FileManager.default.createDirectory(at: flash, withIntermediateDirectories: true)
        process = Process()
        process.executableURL = Uremote.binary
        process.arguments = ["sim", "serve", "--link", link, "--flash", flash.path]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while !FileManager.default.fileExists(atPath: link) {
            guard process.isRunning, Date() < deadline else {
                stop()
                throw ServeFailure(message: "uremote sim serve did not create \(link)")
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: flash.deletingLastPathComponent())
    }

    struct ServeFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}

/// The real mpremote (from PyPI), the reference for uremote's command-line behaviour.
enum Mpremote {
    /// Its path; a test that needs it fails loudly, naming it, when it is missing.
    static func path() throws -> String {
        let searchPath = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in searchPath.split(separator: ":") {
            let candidate = "\(directory)/mpremote"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw ServedSimulator.ServeFailure(message: "mpremote is not installed; run scripts/install-deps (pip install mpremote)")
    }
}
