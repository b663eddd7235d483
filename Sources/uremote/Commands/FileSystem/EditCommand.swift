import Foundation
import URemoteKit

/// `fs edit PATH...` (shortcut `edit`)
enum FsEditCommand: CLICommand {
    static let spec = CommandSpec(
        ["fs", "edit"], shortcuts: ["edit"], summary: "edit files on the board with $EDITOR",
        details: "Copies each file (created empty when missing) to a temporary file, opens $EDITOR on it and writes it back, safely, only when it changed.",
        positionals: [FileSystemSupport.pathsArgument()])

    static func run(_ command: ParsedCommand, in context: CommandContext) throws {
        guard let editor = ProcessInfo.processInfo.environment["EDITOR"], !editor.isEmpty else {
            throw CommandFailure("edit: $EDITOR not set")
        }
        try FileSystemSupport.run(context) {
            let fs = try FileSystemSupport.fileSystem(context)
            for path in command.arguments("PATH").map(FileSystemSupport.boardPath) {
                if !context.quiet { context.output.line("edit :\(path)") }
                context.output.finish()
                try fs.touch(path)
                let original = try fs.readFile(path)
                let dir = FileManager.default.temporaryDirectory.appendingPathComponent("uremote-edit-\(UUID().uuidString)")
                try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
                defer { try? FileManager.default.removeItem(at: dir) }
                let local = dir.appendingPathComponent(RemotePath.basename(path).isEmpty ? "file" : RemotePath.basename(path))
                guard FileManager.default.createFile(atPath: local.path, contents: Data(original)) else {
                    throw BoardFileError.local("edit: cannot write a temporary copy in \(dir.path)")
                }
                let status = runEditor(editor, file: local.path)
                guard status == 0 else {
                    throw BoardFileError.local("edit: \(editor) exited with status \(status); :\(path) left unchanged")
                }
                let edited = FileManager.default.contents(atPath: local.path).map { [UInt8]($0) } ?? original
                if edited != original { try fs.writeFile(edited, to: path) }
            }
        }
    }

    /// Runs the editor through the shell, as $EDITOR may carry arguments (`code -w`).
    private static func runEditor(_ editor: String, file: String) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "\(editor) \"$1\"", "sh", file]
        do { try process.run() } catch { return 127 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
