import Foundation

/// Notices saves in a local folder by polling a cheap fingerprint (every kept path's size and
/// modification time). Polling works the same on every host and filesystem (network shares,
/// editors that replace files by renaming), and a few hundred `stat`s every 50 ms cost next to nothing.
///
/// `waitForChange` returns after a change once the folder has been quiet for `settle`, so an
/// editor's burst of writes (or "save all") makes one cycle, not several.
public final class FolderWatcher: @unchecked Sendable {
    public let root: String
    public let rules: IgnoreRules
    public var interval: TimeInterval = 0.05
    public var settle: TimeInterval = 0.1
    private var last: [String: Stamp]

    public init(root: String, rules: IgnoreRules) {
        self.root = root
        self.rules = rules
        last = Self.fingerprint(root, rules: rules)
    }

    /// Path to "size/mtime" for everything the rules keep. A file modified in the last few
    /// seconds also contributes its content's digest: two same-size saves within one tick of the
    /// filesystem's clock have equal mtimes, and the second must not go unnoticed (git's "racy
    /// clean" problem, solved the same way).
    static func fingerprint(_ root: String, rules: IgnoreRules) -> [String: Stamp] {
        var result: [String: Stamp] = [:]
        guard let manifest = try? LocalManifest.scan(root, rules: rules) else { return result }
        let now = Date().timeIntervalSince1970
        for dir in manifest.directories { result[dir] = Stamp(size: -1, modified: 0, digest: nil) }
        for file in manifest.files {
            let attributes = try? FileManager.default.attributesOfItem(atPath: file.localPath)
            let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            var digest: [UInt8]?
            if now - modified < 3, let data = try? LocalFile.read(file.localPath), let hasher = HostHash("sha256") {
                digest = hasher.digest(data)
            }
            result[file.relativePath] = Stamp(size: file.size, modified: modified, digest: digest)
        }
        return result
    }

    /// One path's state. Digests are compared only when both sides have one, so a file
    /// growing old enough to lose its digest does not count as a change.
    struct Stamp: Equatable {
        var size: Int
        var modified: TimeInterval
        var digest: [UInt8]?

        static func == (a: Stamp, b: Stamp) -> Bool {
            guard a.size == b.size && a.modified == b.modified else { return false }
            if let x = a.digest, let y = b.digest { return x == y }
            return true
        }
    }

    /// Whether anything changed since the last call (or since creation), remembering the new state.
    public func changed() -> Bool {
        let now = Self.fingerprint(root, rules: rules)
        defer { last = now }
        return now != last
    }

    /// Blocks until a change has happened and the folder has settled, or `shouldStop` says so.
    /// Returns false when stopped.
    public func waitForChange(shouldStop: () -> Bool = { false }) -> Bool {
        while !changed() {
            if shouldStop() { return false }
            Thread.sleep(forTimeInterval: interval)
        }
        waitUntilQuiet()
        return true
    }

    /// Returns once no change has been seen for `settle`.
    public func waitUntilQuiet() {
        var quietSince = Date()
        while Date().timeIntervalSince(quietSince) < settle {
            Thread.sleep(forTimeInterval: min(interval, settle / 3))
            if changed() { quietSince = Date() }
        }
    }
}
