import Foundation
import PythonInterpreter

/// Collects everything a program writes, in order, as one transcript.
final class CapturingHost: InterpreterHost, @unchecked Sendable {
    let fileSystem: FileSystem
    private let lock = NSLock()
    private var output: [UInt8] = []
    private var input: [UInt8]

    init(fileSystem: FileSystem, input: String = "") {
        self.fileSystem = fileSystem
        self.input = Array(input.utf8)
    }

    func writeStdout(_ bytes: [UInt8]) { lock.lock(); output += bytes; lock.unlock() }
    func writeStderr(_ bytes: [UInt8]) { lock.lock(); output += bytes; lock.unlock() }
    func readStdin(maxCount: Int) -> [UInt8]? {
        lock.lock(); defer { lock.unlock() }
        if input.isEmpty { return nil }
        let n = min(maxCount, input.count)
        let r = Array(input[0..<n])
        input.removeFirst(n)
        return r
    }
    func stdinHasData() -> Bool { lock.lock(); defer { lock.unlock() }; return !input.isEmpty }
    var text: String { lock.lock(); defer { lock.unlock() }; return String(decoding: output, as: UTF8.self) }
}

enum TestPaths {
    static var corpusFolder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")
    }

    static func makeScratchFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("uremote-interp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Runs source on a fresh interpreter with a scratch folder as its filesystem; returns the
/// transcript (stdout, then the traceback of an uncaught exception) like `micropython FILE 2>&1`.
func runOnInterpreter(_ source: String, filename: String, folder: URL) -> String {
    let host = CapturingHost(fileSystem: HostFolderFileSystem(root: folder.path))
    let interpreter = Interpreter(configuration: InterpreterConfiguration(host: host))
    switch interpreter.run(source: source, filename: filename) {
    case .completed, .systemExit: break
    case .exception(let error): host.writeStderr(Array(error.traceback.utf8))
    }
    return host.text
}

enum MicroPythonError: Error, CustomStringConvertible {
    case missing
    case timeout(String)
    var description: String {
        switch self {
        case .missing: return "the MicroPython unix port (`micropython`) is not installed: run scripts/install-deps"
        case .timeout(let f): return "micropython timed out on \(f)"
        }
    }
}

func findExecutable(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for dir in path.split(separator: ":") {
        let p = String(dir) + "/" + name
        if FileManager.default.isExecutableFile(atPath: p) { return p }
    }
    return nil
}

/// Runs the real MicroPython unix port on a file, stdout and stderr merged, cwd the scratch folder.
func runOnMicroPython(file: URL, folder: URL) throws -> String {
    guard let exe = findExecutable("micropython") else { throw MicroPythonError.missing }
    let p = Process()
    p.executableURL = URL(fileURLWithPath: exe)
    p.arguments = [file.lastPathComponent]
    p.currentDirectoryURL = folder
    let pipe = Pipe()
    p.standardOutput = pipe
    p.standardError = pipe
    p.standardInput = FileHandle.nullDevice
    try p.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}

/// A compact line diff for failure messages.
func lineDiff(expected: String, actual: String) -> String {
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var out: [String] = []
    for i in 0..<max(e.count, a.count) {
        let x = i < e.count ? String(e[i]) : "<missing>"
        let y = i < a.count ? String(a[i]) : "<missing>"
        if x != y {
            out.append("line \(i + 1):\n  micropython: \(x)\n  uremote:     \(y)")
            if out.count >= 8 { out.append("..."); break }
        }
    }
    return out.joined(separator: "\n")
}
