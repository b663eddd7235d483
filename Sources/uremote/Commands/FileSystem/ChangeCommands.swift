import Foundation
import URemoteKit

/// The simple one-path-at-a-time changes: mkdir, rmdir, touch, rm.
enum SimplePathCommand {
    static func run(_ word: String, _ command: ParsedCommand, in context: CommandContext,
                    _ action: (BoardFileSystem, String) throws -> Void) throws {
        try FileSystemSupport.run(context) {
            let fs = try FileSystemSupport.fileSystem(context)
            for path in command.arguments("PATH").map(FileSystemSupport.boardPath) {
                if FileSystemSupport.verbose(command, context) { context.output.line("\(word) :\(path)") }
                try action(fs, path)
            }
        }
    }
}

/// `fs mkdir PATH...` (shortcut `mkdir`)
enum FsMkdirCommand: CLICommand {
    static let spec = CommandSpec(
        ["fs", "mkdir"], shortcuts: ["mkdir"], summary: "create directories on the board",
        options: [FileSystemSupport.verboseOption], positionals: [FileSystemSupport.pathsArgument()])

    static func run(_ command: ParsedCommand, in context: CommandContext) throws {
        try SimplePathCommand.run("mkdir", command, in: context) { try $0.makeDirectory($1) }
    }
}

/// `fs rmdir PATH...` (shortcut `rmdir`)
enum FsRmdirCommand: CLICommand {
    static let spec = CommandSpec(
        ["fs", "rmdir"], shortcuts: ["rmdir"], summary: "remove empty directories on the board",
        options: [FileSystemSupport.verboseOption], positionals: [FileSystemSupport.pathsArgument()])

    static func run(_ command: ParsedCommand, in context: CommandContext) throws {
        try SimplePathCommand.run("rmdir", command, in: context) { try $0.removeDirectory($1) }
    }
}

/// `fs touch PATH...` (shortcut `touch`)
enum FsTouchCommand: CLICommand {
    static let spec = CommandSpec(
        ["fs", "touch"], shortcuts: ["touch"], summary: "create empty files on the board (existing files are kept)",
        options: [FileSystemSupport.verboseOption], positionals: [FileSystemSupport.pathsArgument()])

    static func run(_ command: ParsedCommand, in context: CommandContext) throws {
        try SimplePathCommand.run("touch", command, in: context) { try $0.touch($1) }
    }
}

/// `fs rm [-r] PATH...` (shortcut `rm`)
enum FsRmCommand: CLICommand {
    static let spec = CommandSpec(
        ["fs", "rm"], shortcuts: ["rm"], summary: "remove files (with -r, directories and their contents) on the board",
        details: "With -r a whole tree is removed in one round trip; -v lists each removed file and directory.",
        options: [FileSystemSupport.recursiveOption, FileSystemSupport.verboseOption],
        positionals: [FileSystemSupport.pathsArgument()])

    static func run(_ command: ParsedCommand, in context: CommandContext) throws {
        let recursive = command.flag("recursive")
        let listEach = command.flags["verbose"] == true && !context.quiet
        try SimplePathCommand.run("rm", command, in: context) { fs, path in
            if recursive, try RemoteMountGuard.isInsideMount(path, context: context, fileSystem: fs) {
                throw BoardFileError.usage("rm -r not permitted on \(MountWire.mountPoint) directory")
            }
            for line in try fs.remove(path, recursive: recursive, verbose: listEach) {
                guard line.hasPrefix("!") else { context.output.line(line); continue }
                let fields = line.dropFirst().split(separator: "/", maxSplits: 1)
                let errno = Int(fields.first ?? "") ?? 0
                let failed = fields.count > 1 ? String(fields[1]) : path
                throw BoardFileError.usage("rm -r: cannot remove :\(failed) \(BoardErrno.message(errno))")
            }
        }
    }
}
