/// Path arithmetic for board paths, which always use `/` whatever the host is.
///
/// The rules follow mpremote's so that `cp -r` and `tree` name files the same way: an empty path
/// means the board's current directory, and joining onto it yields relative names.
public enum RemotePath {
    /// `a` and the parts joined with single slashes; an empty `a` stands for `.`.
    public static func join(_ base: String, _ parts: String...) -> String {
        join(base, parts)
    }

    public static func join(_ base: String, _ parts: [String]) -> String {
        var result = base.isEmpty ? "." : base
        while result.count > 1 && result.hasSuffix("/") { result.removeLast() }
        for part in parts {
            let trimmed = part.trimmingSlashes()
            if result == "/" { result += trimmed } else { result += "/" + trimmed }
        }
        return result
    }

    /// The last component (`lib/a.py` → `a.py`).
    public static func basename(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// Everything before the last slash, or empty when there is none.
    public static func dirname(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// The path without trailing slashes, keeping a lone `/`.
    public static func stripTrailingSlashes(_ path: String) -> String {
        var p = path
        while p.count > 1 && p.hasSuffix("/") { p.removeLast() }
        return p
    }
}

extension String {
    func trimmingSlashes() -> String {
        var s = Substring(self)
        while s.hasPrefix("/") { s.removeFirst() }
        while s.hasSuffix("/") { s.removeLast() }
        return String(s)
    }
}
