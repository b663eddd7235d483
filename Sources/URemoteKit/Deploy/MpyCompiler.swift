import Foundation

/// The host's `mpy-cross`, for `sync --mpy`: a board imports precompiled bytecode faster and with
/// far less RAM than it compiles source, which decides whether a large project fits at all.
///
/// Only bytecode is emitted (no `-march`), so the files suit every board whose `.mpy` major
/// version matches, whatever its CPU.
public struct MpyCompiler: Sendable {
    public let executable: String
    /// The `.mpy` major version the compiler emits (6 for MicroPython 1.19 and later).
    public let mpyVersion: Int

    /// `$MPY_CROSS`, else `mpy-cross` on `PATH`; nil when neither runs and reports a version.
    public static func find(environment: [String: String] = ProcessInfo.processInfo.environment) -> MpyCompiler? {
        var candidates: [String] = []
        if let given = environment["MPY_CROSS"], !given.isEmpty { candidates.append(given) }
        for folder in (environment["PATH"] ?? "/usr/local/bin:/usr/bin").split(separator: ":") {
            candidates.append("\(folder)/mpy-cross")
        }
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate) {
            guard let banner = try? run(candidate, ["--version"]), banner.status == 0,
                  let version = emittedVersion(in: banner.output) else { continue }
            return MpyCompiler(executable: candidate, mpyVersion: version)
        }
        return nil
    }

    /// Reads `mpy-cross emitting mpy v6.3` (the major version is what boards check for bytecode).
    static func emittedVersion(in banner: String) -> Int? {
        guard let range = banner.range(of: "emitting mpy v") else { return nil }
        return Int(banner[range.upperBound...].prefix { $0.isNumber })
    }

    /// Compiles `source` to `output`; `name` (the module's path on the board) goes into
    /// tracebacks, so errors on the board name the file the user knows.
    public func compile(source: String, name: String, to output: String) throws(BoardFileError) {
        let result: (status: Int32, output: String)
        do {
            result = try Self.run(executable, ["-o", output, "-s", name, source])
        } catch {
            throw .local("sync: --mpy: cannot run \(executable): \(error)")
        }
        guard result.status == 0 else {
            let lines = result.output.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            let place = lines.last { $0.hasPrefix("File ") }.map { " (\($0))" } ?? ""
            throw .usage("sync: --mpy: \(name) does not compile: \(lines.last ?? "mpy-cross failed")\(place)")
        }
    }

    /// Runs a short-lived tool and returns its exit status with everything it printed.
    private static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
