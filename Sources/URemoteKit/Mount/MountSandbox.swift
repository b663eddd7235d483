#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns paths the board sends into host paths inside the mounted folder, and refuses the rest.
///
/// Board paths are always taken relative to the folder: `..` may not climb above it, and unless
/// links are allowed (`--unsafe-links`) the real path after resolving symlinks must stay inside
/// it too. Refusals are EPERM, which is what the board's program sees.
struct MountSandbox {
    /// The folder's real path (symlinks resolved), without a trailing slash unless it is `/`.
    let root: String
    let allowsOutsideLinks: Bool

    init(folder: String, allowsOutsideLinks: Bool) throws(MountErrno) {
        guard let real = MountSandbox.realPath(folder) else { throw MountErrno.current }
        root = real
        self.allowsOutsideLinks = allowsOutsideLinks
    }

    /// The host path for `boardPath`. With `followingFinalLink`, a symlink as the last component
    /// must also point inside; without, the link itself is what is acted on (remove, rename).
    func hostPath(_ boardPath: String, followingFinalLink: Bool = true) throws(MountErrno) -> String {
        if boardPath.utf8.contains(0) { throw MountErrno.invalid }
        var parts: [Substring] = []
        for part in boardPath.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                if parts.isEmpty { throw MountErrno.notPermitted }
                parts.removeLast()
            default: parts.append(part)
            }
        }
        let path = parts.isEmpty ? root : (root == "/" ? "" : root) + "/" + parts.joined(separator: "/")
        if allowsOutsideLinks || parts.isEmpty { return path }
        let checked = followingFinalLink ? path : parent(of: path)
        try requireInside(checked)
        return path
    }

    /// Where a write to `hostPath` should really land: through an in-folder symlink to its
    /// target, so saving through a link updates the file rather than replacing the link.
    func writeTarget(for hostPath: String) -> String {
        MountSandbox.realPath(hostPath) ?? hostPath
    }

    /// Fails unless the real path of `path`, or of its nearest existing ancestor, is inside the folder.
    private func requireInside(_ path: String) throws(MountErrno) {
        var candidate = path
        while true {
            if let real = MountSandbox.realPath(candidate) {
                if real == root || real.hasPrefix(root == "/" ? "/" : root + "/") { return }
                throw MountErrno.notPermitted
            }
            let failure = errno
            if failure != ENOENT && failure != ENOTDIR { throw MountErrno(hostErrno: failure) }
            // A dangling symlink must not be created through either.
            var info = stat()
            if lstat(candidate, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK { throw MountErrno.notPermitted }
            let up = parent(of: candidate)
            if up == candidate || up.count < root.count { throw MountErrno.notPermitted }
            candidate = up
        }
    }

    private func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
