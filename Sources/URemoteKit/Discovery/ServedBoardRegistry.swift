#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Where `uremote sim serve` notes the pseudo-terminals it serves, so `auto` can find a served
/// simulator the way it finds a board on USB: a pseudo-terminal has no USB identity to be
/// recognised by, yet to its user it is the board "plugged in" on this machine.
///
/// One file per server (`served-PID`, holding the path to open) in `$XDG_RUNTIME_DIR/uremote`,
/// or `uremote-UID` in the temporary folder. Entries of servers that died without cleaning up
/// are ignored and removed.
public enum ServedBoardRegistry {
    static var directory: URL {
        if let runtime = ProcessInfo.processInfo.environment["XDG_RUNTIME_DIR"], !runtime.isEmpty {
            return URL(fileURLWithPath: runtime).appendingPathComponent("uremote")
        }
        return FileManager.default.temporaryDirectory.appendingPathComponent("uremote-\(getuid())")
    }

    /// Records that this process serves a board at `path`; returns the entry to `remove` later.
    /// Failing to record is not fatal: the board is still reachable by its path.
    @discardableResult
    public static func add(path: String) -> URL? {
        let entry = directory.appendingPathComponent("served-\(getpid())")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            try Data(path.utf8).write(to: entry, options: .atomic)
            return entry
        } catch {
            return nil
        }
    }

    public static func remove(_ entry: URL?) {
        if let entry { try? FileManager.default.removeItem(at: entry) }
    }

    /// The paths of boards served right now, oldest server first.
    public static func liveBoards() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        var found: [(started: Date, path: String)] = []
        for name in names where name.hasPrefix("served-") {
            let entry = directory.appendingPathComponent(name)
            guard let pid = Int32(name.dropFirst("served-".count)),
                  let data = FileManager.default.contents(atPath: entry.path) else { continue }
            let path = String(decoding: data, as: UTF8.self)
            let alive = kill(pid, 0) == 0 || errno == EPERM
            guard alive, FileManager.default.fileExists(atPath: path) else {
                try? FileManager.default.removeItem(at: entry)
                continue
            }
            let attributes = try? FileManager.default.attributesOfItem(atPath: entry.path)
            found.append(((attributes?[.modificationDate] as? Date) ?? .distantPast, path))
        }
        return found.sorted { $0.started < $1.started }.map(\.path)
    }
}
