/// One name in a board directory, as `os.ilistdir` (or `listdir` + `stat`) reports it.
public struct RemoteEntry: Sendable, Equatable, Codable {
    public var name: String
    /// The st_mode type bits (0x4000 directory, 0x8000 file).
    public var mode: Int
    /// Size in bytes; 0 where the port's `ilistdir` does not report sizes, as mpremote shows it.
    public var size: Int

    public init(name: String, mode: Int, size: Int) {
        self.name = name
        self.mode = mode
        self.size = size
    }

    public var isDirectory: Bool { mode & 0x4000 != 0 }

    /// Parses a helper line `MODE/SIZE/NAME`.
    static func parse(_ line: Substring) -> RemoteEntry? {
        let parts = line.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let mode = Int(parts[0]), let size = Int(parts[1]) else { return nil }
        return RemoteEntry(name: String(parts[2]), mode: mode, size: size)
    }
}

/// A node of `tree`: an entry and, for directories, what it contains (sorted by name).
public struct RemoteTreeNode: Sendable, Equatable, Codable {
    public var entry: RemoteEntry
    public var children: [RemoteTreeNode]

    public init(entry: RemoteEntry, children: [RemoteTreeNode] = []) {
        self.entry = entry
        self.children = children
    }
}

/// What `os.stat` says about a path.
public struct RemoteStat: Sendable, Equatable {
    public var mode: Int
    public var size: Int
    public var isDirectory: Bool { mode & 0x4000 != 0 }
}

/// One mounted filesystem as `df` shows it.
public struct DiskUsage: Sendable, Equatable {
    public var mountPoint: String
    public var filesystem: String
    public var blockSize: Int
    public var blocks: Int
    public var freeBlocks: Int

    public var size: Int { blockSize * blocks }
    public var available: Int { blockSize * freeBlocks }
    public var used: Int { size - available }
}
