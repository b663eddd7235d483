import URemoteKit

/// `fs <algo>sum PATH...`: one command per algorithm, as mpremote accepts any hashlib algorithm.
enum HashSum {
    static func spec(_ algorithm: String, shortcut: Bool) -> CommandSpec {
        CommandSpec(
            ["fs", "\(algorithm)sum"], shortcuts: shortcut ? ["\(algorithm)sum"] : [],
            summary: "print the \(algorithm.uppercased()) digest of files on the board",
            details: "Hashed on the board when its hashlib has \(algorithm), otherwise on the computer from a verified download.",
            options: [FileSystemSupport.verboseOption], positionals: [FileSystemSupport.pathsArgument()])
    }

    static func run(_ algorithm: String, _ command: ParsedCommand, in context: CommandContext) throws {
        try SimplePathCommand.run("\(algorithm)sum", command, in: context) { fs, path in
            context.output.line(hexString(try fs.hash(path, algorithm: algorithm)))
        }
    }
}

enum FsSha256sumCommand: CLICommand {
    static let spec = HashSum.spec("sha256", shortcut: true)
    static func run(_ command: ParsedCommand, in context: CommandContext) throws { try HashSum.run("sha256", command, in: context) }
}

enum FsSha1sumCommand: CLICommand {
    static let spec = HashSum.spec("sha1", shortcut: false)
    static func run(_ command: ParsedCommand, in context: CommandContext) throws { try HashSum.run("sha1", command, in: context) }
}

enum FsMd5sumCommand: CLICommand {
    static let spec = HashSum.spec("md5", shortcut: false)
    static func run(_ command: ParsedCommand, in context: CommandContext) throws { try HashSum.run("md5", command, in: context) }
}
