import Foundation

/// Which paths `sync` leaves alone, written the way `.gitignore` is so users need not learn a
/// new syntax: `*`, `?`, `[abc]`, `**`, a leading `/` (or any inner `/`) anchors to the synced
/// folder, a trailing `/` matches folders only, `!` re-includes, `#` starts a comment.
///
/// The same rules protect the board: an excluded path is neither uploaded nor deleted, so
/// `--delete` never removes data a user deliberately keeps only on the board (logs, settings).
public struct IgnoreRules {
    struct Rule {
        var regex: NSRegularExpression
        var negated: Bool
        var directoryOnly: Bool
        /// Matches against the whole relative path instead of the last component.
        var anchored: Bool
    }

    private var rules: [Rule] = []

    /// Names that never belong on a board: version control, caches, uremote's own files.
    public static let builtInPatterns = [".git/", "__pycache__/", ".DS_Store", ".uremoteignore", ".uremote.toml"]

    public init(patterns: [String] = []) throws {
        for pattern in patterns { try add(pattern) }
    }

    /// The built-in patterns, then the folder's `.uremoteignore`, then `extra` (`--exclude`),
    /// later rules winning as in git.
    public static func forFolder(_ root: String, extra: [String]) throws -> IgnoreRules {
        var rules = try IgnoreRules(patterns: builtInPatterns)
        let file = (root as NSString).appendingPathComponent(".uremoteignore")
        if let text = try? String(contentsOfFile: file, encoding: .utf8) {
            for line in text.split(whereSeparator: \.isNewline) { try rules.add(String(line)) }
        }
        for pattern in extra { try rules.add(pattern) }
        return rules
    }

    /// Adds one gitignore line; blank lines and comments are skipped.
    public mutating func add(_ line: String) throws {
        var pattern = line
        while pattern.hasSuffix(" ") && !pattern.hasSuffix("\\ ") { pattern.removeLast() }
        if pattern.isEmpty || pattern.hasPrefix("#") { return }
        var negated = false
        if pattern.hasPrefix("!") { negated = true; pattern.removeFirst() }
        else if pattern.hasPrefix("\\!") || pattern.hasPrefix("\\#") { pattern.removeFirst() }
        var directoryOnly = false
        if pattern.hasSuffix("/") { directoryOnly = true; pattern = String(pattern.dropLast()) }
        let anchored = pattern.contains("/")
        if pattern.hasPrefix("/") { pattern.removeFirst() }
        guard !pattern.isEmpty else { return }
        let regex: NSRegularExpression
        do {
            regex = try NSRegularExpression(pattern: "^" + Self.regex(fromGlob: pattern) + "$")
        } catch {
            throw BoardFileError.usage("sync: cannot understand exclude pattern '\(line)'")
        }
        rules.append(Rule(regex: regex, negated: negated, directoryOnly: directoryOnly, anchored: anchored))
    }

    /// Whether `relativePath` (components separated by `/`) or any folder above it is excluded.
    public func excludes(_ relativePath: String, isDirectory: Bool) -> Bool {
        let parts = relativePath.split(separator: "/").map(String.init)
        for depth in 1..<max(parts.count, 1) {
            if matches(parts[0..<depth].joined(separator: "/"), isDirectory: true) { return true }
        }
        return matches(relativePath, isDirectory: isDirectory)
    }

    /// The verdict for this path alone (its parents not considered): the last matching rule wins.
    func matches(_ relativePath: String, isDirectory: Bool) -> Bool {
        let name = relativePath.split(separator: "/").last.map(String.init) ?? relativePath
        var excluded = false
        for rule in rules where !rule.directoryOnly || isDirectory {
            let subject = rule.anchored ? relativePath : name
            let range = NSRange(subject.startIndex..., in: subject)
            if rule.regex.firstMatch(in: subject, range: range) != nil { excluded = !rule.negated }
        }
        return excluded
    }

    static func regex(fromGlob glob: String) -> String {
        var out = ""
        let chars = Array(glob)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "*":
                if i + 1 < chars.count && chars[i + 1] == "*" {
                    let atStart = i == 0 || chars[i - 1] == "/"
                    if atStart && i + 2 < chars.count && chars[i + 2] == "/" {
                        out += "(?:.*/)?"
                        i += 3
                        continue
                    }
                    out += ".*"
                    i += 2
                    continue
                }
                out += "[^/]*"
            case "?":
                out += "[^/]"
            case "[":
                if let close = chars[(i + 1)...].firstIndex(of: "]"), close > i + 1 {
                    var body = String(chars[(i + 1)..<close])
                    if body.hasPrefix("!") { body = "^" + body.dropFirst() }
                    out += "[" + body.replacingOccurrences(of: "\\", with: "\\\\") + "]"
                    i = close + 1
                    continue
                }
                out += "\\["
            case "\\":
                if i + 1 < chars.count {
                    out += NSRegularExpression.escapedPattern(for: String(chars[i + 1]))
                    i += 2
                    continue
                }
                out += "\\\\"
            default:
                out += NSRegularExpression.escapedPattern(for: String(c))
            }
            i += 1
        }
        return out
    }
}
