import Foundation
import URemoteKit

/// `fs ls [PATH...]` (shortcut `ls`)
enum FsLsCommand: CLICommand {
    static let spec = CommandSpec(
        ["fs", "ls"], shortcuts: ["ls"], summary: "list a directory on the board",
        details: "Lists each PATH (default: the board's current directory) as mpremote does: the size right-aligned, then the name, with a slash after directories. --json prints an array of {name, type, size} per path instead.",
        options: [FileSystemSupport.verboseOption, FileSystemSupport.jsonOption],
        positionals: [FileSystemSupport.pathsArgument(.zeroOrMore)])

    static func run(_ command: ParsedCommand, in context: CommandContext) throws {
        let paths = command.arguments("PATH").map(FileSystemSupport.boardPath)
        let json = command.flag("json")
        try FileSystemSupport.run(context) {
            let fs = try FileSystemSupport.fileSystem(context)
            for path in paths.isEmpty ? [""] : paths {
                if FileSystemSupport.verbose(command, context) && !json { context.output.line("ls :\(path)") }
                let entries = try fs.list(path)
                if json {
                    context.output.line(FileSystemFormatting.json(entries.map { JSONEntry($0) }))
                } else {
                    for entry in entries { context.output.line(FileSystemFormatting.lsLine(entry)) }
                }
            }
        }
    }
}

/// `fs tree [-s|-h] [PATH...]` (shortcut `tree`)
enum FsTreeCommand: CLICommand {
    static let spec = CommandSpec(
        ["fs", "tree"], shortcuts: ["tree"], summary: "show a directory tree on the board",
        details: "Draws everything under each PATH (default: the current directory), sorted by name, fetched in one round trip. -s adds sizes in bytes, -h human-readable sizes; --json prints nested {name, type, size, children}.",
        options: [FileSystemSupport.verboseOption, OptionSpec.flag("size", short: "s", summary: "show file sizes in bytes"),
                  OptionSpec.flag("human", short: "h", summary: "show file sizes human-readably (1.5K)"),
                  FileSystemSupport.jsonOption],
        positionals: [FileSystemSupport.pathsArgument(.zeroOrMore)])

    static func run(_ command: ParsedCommand, in context: CommandContext) throws {
        let paths = command.arguments("PATH").map(FileSystemSupport.boardPath)
        let json = command.flag("json")
        if command.flag("size") && command.flag("human") {
            throw CommandFailure.usage("tree: -s and -h cannot be used together")
        }
        let style: FileSystemFormatting.SizeStyle = command.flag("size") ? .bytes : command.flag("human") ? .human : .none
        try FileSystemSupport.run(context) {
            let fs = try FileSystemSupport.fileSystem(context)
            for requested in paths.isEmpty ? [""] : paths {
                if FileSystemSupport.verbose(command, context) && !json { context.output.line("tree :\(requested)") }
                var path = requested
                if path.isEmpty || path == "." {
                    path = try fs.currentDirectory()
                } else if !(try fs.isDirectory(path)) {
                    throw BoardFileError.usage("tree: '\(path)' is not a directory")
                }
                let nodes = try fs.tree(path, exactSizes: false)
                if json {
                    context.output.line(FileSystemFormatting.json(nodes.map(JSONEntry.init)))
                    continue
                }
                context.output.line(":\(path)")
                for line in FileSystemFormatting.treeLines(nodes, style: style) { context.output.line(line) }
            }
        }
    }
}

/// `fs cat PATH...` (shortcut `cat`)
enum FsCatCommand: CLICommand {
    static let spec = CommandSpec(
        ["fs", "cat"], shortcuts: ["cat"], summary: "print files from the board",
        details: "Writes the bytes of each file to standard output, unchanged.",
        options: [FileSystemSupport.verboseOption],
        positionals: [FileSystemSupport.pathsArgument()])

    static func run(_ command: ParsedCommand, in context: CommandContext) throws {
        try FileSystemSupport.run(context) {
            let fs = try FileSystemSupport.fileSystem(context)
            for path in command.arguments("PATH").map(FileSystemSupport.boardPath) {
                if FileSystemSupport.verbose(command, context, defaultOn: false) { context.output.line("cat :\(path)") }
                do {
                    context.output.write(bytes: try fs.readFile(path))
                } catch let error as BoardFileError {
                    if let errno = error.errno { throw BoardFileError.os(operation: "cat", path: path, errno: errno) }
                    throw error
                }
            }
            context.output.finish()
        }
    }
}

/// `fs df` (shortcut `df`)
enum FsDfCommand: CLICommand {
    static let spec = CommandSpec(
        ["fs", "df"], shortcuts: ["df"], summary: "show size, used and free space of the board's filesystems",
        details: "One line per mounted filesystem, in bytes, as mpremote's df prints it.")

    static func run(_ command: ParsedCommand, in context: CommandContext) throws {
        try FileSystemSupport.run(context) {
            let usage = try FileSystemSupport.fileSystem(context).diskUsage()
            for line in FileSystemFormatting.dfLines(usage) { context.output.line(line) }
        }
    }
}
