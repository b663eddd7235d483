import Foundation

/// Where `mip install` finds a package, in mpremote's notation: `name[@version]` from an index,
/// `github:org/repo[/path][@ref]`, `gitlab:`/`codeberg:` likewise, an `http(s)://` URL (of a
/// `.py`/`.mpy` file, a `package.json`, or a folder holding one), or a local `.json` or file.
public enum PackageSource: Sendable, Equatable {
    /// `INDEX/package/MPY/NAME/VERSION.json`
    case indexed(name: String, version: String)
    /// A package.json by URL (already rewritten from github:/gitlab:/codeberg:) or local path.
    case manifest(location: String)
    /// A single module file by URL or local path.
    case file(location: String)

    static let remoteHosts: [(prefix: String, format: @Sendable (String, String, String, String) -> String)] = [
        ("github:", { org, repo, ref, path in "https://raw.githubusercontent.com/\(org)/\(repo)/\(ref)/\(path)" }),
        ("gitlab:", { org, repo, ref, path in "https://gitlab.com/\(org)/\(repo)/-/raw/\(ref)/\(path)" }),
        ("codeberg:", { org, repo, ref, path in "https://codeberg.org/api/v1/repos/\(org)/\(repo)/raw/\(path)?ref=\(ref)" }),
    ]

    static func isURL(_ text: String) -> Bool { text.hasPrefix("http://") || text.hasPrefix("https://") }
    static func isRemote(_ text: String) -> Bool { isURL(text) || remoteHosts.contains { text.hasPrefix($0.prefix) } }

    /// `github:org/repo/path` with `ref` (HEAD when nil) as an https URL; other text unchanged.
    static func rewrite(_ text: String, ref: String?) -> String {
        for host in remoteHosts where text.hasPrefix(host.prefix) {
            let parts = text.dropFirst(host.prefix.count).split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard parts.count >= 2 else { return text }
            return host.format(parts[0], parts[1], ref ?? "HEAD", parts.dropFirst(2).joined(separator: "/"))
        }
        return text
    }

    /// Splits `spec@version` and decides what it names.
    public static func parse(_ spec: String) -> (source: PackageSource, version: String?) {
        var package = spec
        var version: String?
        if let at = spec.lastIndex(of: "@"), !spec[spec.index(after: at)...].contains("/") {
            package = String(spec[..<at])
            version = String(spec[spec.index(after: at)...])
        }
        if isRemote(package) {
            if package.hasSuffix(".py") || package.hasSuffix(".mpy") {
                return (.file(location: rewrite(package, ref: version)), version)
            }
            var manifest = package
            if !manifest.hasSuffix(".json") { manifest += manifest.hasSuffix("/") ? "package.json" : "/package.json" }
            return (.manifest(location: rewrite(manifest, ref: version)), version)
        }
        if package.hasSuffix(".json") { return (.manifest(location: package), version) }
        if package.hasSuffix(".py") || package.hasSuffix(".mpy") || package.contains("/") {
            return (.file(location: package), version)
        }
        return (.indexed(name: package, version: version ?? "latest"), version)
    }
}
