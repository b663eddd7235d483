import Foundation

/// Settings that follow a user and a project around, so scripts and fingers need not repeat
/// the device or long command lines. Read from, lowest precedence first: mpremote's `config.py`
/// aliases (as data), the user's `config.toml`, then each `.uremote.toml` from the filesystem
/// root down to the current folder (the nearest wins).
///
///     # ~/.config/uremote/config.toml or a project's .uremote.toml
///     device = "a0"                       # used when no connect is given
///     [aliases]
///     deploy = "sync --delete + soft-reset"
///     blink = { command = "exec 'blink(n)'", help = "blink n times", params = "n=3" }
///     "flash port=a0" = ["connect", "{port}", "sync", "."]
public struct UremoteConfig: Sendable, Equatable {
    public var defaultDevice: String?
    public var aliases: [CommandAlias] = []
    /// The files that contributed, in the order read.
    public var sources: [String] = []

    public init(defaultDevice: String? = nil, aliases: [CommandAlias] = [], sources: [String] = []) {
        self.defaultDevice = defaultDevice
        self.aliases = aliases
        self.sources = sources
    }

    /// The folder of the user's config: `$XDG_CONFIG_HOME/uremote`, else `~/.config/uremote`.
    public static func userDirectory(environment: [String: String]) -> String {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty { return (xdg as NSString).appendingPathComponent("uremote") }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return (home as NSString).appendingPathComponent(".config/uremote")
    }

    /// mpremote's config folder (platformdirs' user config dir on Linux and macOS).
    public static func mpremoteDirectory(environment: [String: String]) -> String {
        let home = environment["HOME"] ?? NSHomeDirectory()
        #if os(macOS)
        return (home as NSString).appendingPathComponent("Library/Application Support/mpremote")
        #else
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty { return (xdg as NSString).appendingPathComponent("mpremote") }
        return (home as NSString).appendingPathComponent(".config/mpremote")
        #endif
    }

    /// Reads every config file that applies to `directory`.
    public static func load(environment: [String: String] = ProcessInfo.processInfo.environment,
                            directory: String = FileManager.default.currentDirectoryPath) throws(ConfigError) -> UremoteConfig {
        var config = UremoteConfig()
        let mpremoteFile = (mpremoteDirectory(environment: environment) as NSString).appendingPathComponent("config.py")
        if let text = read(mpremoteFile) {
            for (key, value) in try MpremoteConfigReader.commands(in: text, file: mpremoteFile).entries {
                config.add(try CommandAlias(key: key, value: value, source: mpremoteFile, quoting: false))
            }
            config.sources.append(mpremoteFile)
        }
        let userFile = (userDirectory(environment: environment) as NSString).appendingPathComponent("config.toml")
        try config.merge(file: userFile)
        var folders: [String] = []
        var folder = URL(fileURLWithPath: directory).standardizedFileURL.path
        while true {
            folders.append(folder)
            let parent = (folder as NSString).deletingLastPathComponent
            if parent == folder || parent.isEmpty { break }
            folder = parent
        }
        for folder in folders.reversed() {
            try config.merge(file: (folder as NSString).appendingPathComponent(".uremote.toml"))
        }
        return config
    }

    /// Applies one TOML file on top of what was read so far.
    public mutating func merge(file: String) throws(ConfigError) {
        guard let text = Self.read(file) else { return }
        let document = try TOMLReader.parse(text, file: file)
        for (key, value) in document.entries {
            switch key {
            case "device":
                guard let device = value.string else { throw ConfigError(file: file, line: 0, message: "'device' must be a string") }
                defaultDevice = device
            case "aliases":
                for (name, definition) in value.entries {
                    var aliasKey = name
                    if let params = definition["params"]?.string, !params.isEmpty { aliasKey += " " + params }
                    add(try CommandAlias(key: aliasKey, value: definition, source: file))
                }
            default:
                // Unknown keys belong to other tools or newer versions; ignoring them keeps files shareable.
                continue
            }
        }
        sources.append(file)
    }

    private mutating func add(_ alias: CommandAlias) {
        aliases.removeAll { $0.name == alias.name }
        aliases.append(alias)
    }

    private static func read(_ path: String) -> String? {
        guard FileManager.default.isReadableFile(atPath: path) else { return nil }
        return try? String(contentsOfFile: path, encoding: .utf8)
    }

    /// What the command-line parser calls at each command position: the last definition of an
    /// alias wins, so a project's `.uremote.toml` overrides the user's file. Nil when no alias is
    /// defined, so parsing costs nothing extra.
    public var aliasExpander: CommandGrammar.AliasExpander? {
        guard !aliases.isEmpty else { return nil }
        let aliases = self.aliases
        return { (name: String, following: inout ArraySlice<String>) throws(CommandLineError) -> [String]? in
            guard let alias = aliases.last(where: { $0.name == name }) else { return nil }
            return try alias.expand(&following)
        }
    }
}
