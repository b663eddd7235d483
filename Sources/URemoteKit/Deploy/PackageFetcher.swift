import Foundation

/// Fetches bytes for `mip` from http(s) URLs (through `curl`, which every system that installs
/// packages has, and which keeps TLS and proxies out of uremote's static binary) or local paths,
/// turning every failure into one line that names the URL.
public struct PackageFetcher: Sendable {
    public var timeout: Int

    public init(timeout: Int = 30) {
        self.timeout = timeout
    }

    public func fetch(_ location: String) throws -> [UInt8] {
        guard PackageSource.isURL(location) else {
            if location.contains("\\") { throw BoardFileError.usage("mip: use '/' instead of '\\' in file paths: \(location)") }
            guard let data = FileManager.default.contents(atPath: location) else {
                throw BoardFileError.local("mip: cannot read \(location)")
            }
            return [UInt8](data)
        }
        guard let curl = ["/usr/bin/curl", "/usr/local/bin/curl", "/opt/homebrew/bin/curl", "/bin/curl"]
            .first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw BoardFileError.local("mip: downloading needs curl; install it (apt install curl)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: curl)
        // -w prints the status after the body, so a 404 page is never mistaken for a file.
        process.arguments = ["-sS", "-L", "--max-time", String(timeout), "-w", "\n%{http_code}", location]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { throw BoardFileError.local("mip: cannot run curl: \(error)") }
        let body = out.fileHandleForReading.readDataToEndOfFile()
        let problem = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        var bytes = [UInt8](body)
        guard process.terminationStatus == 0, let newline = bytes.lastIndex(of: 10) else {
            let reason = problem.split(whereSeparator: \.isNewline).first.map(String.init) ?? "curl failed"
            throw BoardFileError.local("mip: \(reason) requesting \(location)")
        }
        let status = Int(String(decoding: bytes[(newline + 1)...], as: UTF8.self)) ?? 0
        bytes.removeSubrange(newline...)
        if status == 404 { throw BoardFileError.local("mip: not found: \(location)") }
        guard (200..<300).contains(status) else { throw BoardFileError.local("mip: error \(status) requesting \(location)") }
        return bytes
    }
}
