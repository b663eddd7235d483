import Foundation
import URemoteKit

/// `fs cp [-r] [-f] SRC... DEST` (shortcut `cp`)
enum FsCpCommand: CLICommand {
    static let spec = CommandSpec(
        ["fs", "cp"], shortcuts: ["cp"], summary: "copy files between the computer and the board",
        details: "A leading ':' marks a board path (':' alone is the board's current directory). Files on the board are written to a temporary file and renamed into place only after their size and SHA-256 check out, so an interrupted copy leaves the old file intact. Unchanged files are skipped (Up to date) unless -f is given; -r copies directory trees, planning the whole tree in one round trip.",
        options: [FileSystemSupport.recursiveOption, FileSystemSupport.forceOption, FileSystemSupport.verboseOption],
        positionals: [PositionalSpec("PATH", arity: .oneOrMore, completion: .anyPath, summary: "sources, then the destination")])

    static func run(_ command: ParsedCommand, in context: CommandContext) throws {
        var paths = command.arguments("PATH")
        guard paths.count >= 2 else { throw CommandFailure.usage("cp: missing destination path") }
        let destination = paths.removeLast()
        let recursive = command.flag("recursive")
        let needsBoard = destination.hasPrefix(":") || paths.contains { $0.hasPrefix(":") }
        try FileSystemSupport.run(context) {
            let fs: BoardFileSystem
            if needsBoard {
                fs = try FileSystemSupport.fileSystem(context)
            } else {
                fs = BoardFileSystem(runner: try context.rawSession())
            }
            let quiet = context.quiet
            let copier = BoardCopier(fileSystem: fs, force: command.flag("force")) { if !quiet { context.output.line($0) } }
            for source in paths {
                if FileSystemSupport.verbose(command, context) { context.output.line("cp \(source) \(destination)") }
                try copier.copy(source, to: destination, recursive: recursive, multiple: paths.count > 1)
            }
        }
    }
}
