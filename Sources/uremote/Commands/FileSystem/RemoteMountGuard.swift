import URemoteKit

/// Keeps `rm -r` away from the host folder served by `mount`: the board would delete the
/// user's files on the computer one by one, which no one asking to clean a board expects
/// (mpremote refuses the same way).
enum RemoteMountGuard {
    /// Whether `path` (relative to the board's working directory) lies inside `/remote` while a
    /// folder is mounted there. The mount point itself is not "inside", as mpremote decides.
    static func isInsideMount(_ path: String, context: CommandContext, fileSystem: BoardFileSystem) throws -> Bool {
        guard let link = try context.rawSession().link as? MountLink, link.mountedFolder != nil else { return false }
        let absolute = path.hasPrefix("/") ? path : RemotePath.join(try fileSystem.currentDirectory(), path)
        return normalized(absolute).hasPrefix(MountWire.mountPoint + "/")
    }

    /// `/a/./b/../c` as `/a/c`, like the host's normpath.
    static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") where part != "." {
            if part == ".." { _ = parts.popLast() } else { parts.append(part) }
        }
        return "/" + parts.joined(separator: "/")
    }
}
