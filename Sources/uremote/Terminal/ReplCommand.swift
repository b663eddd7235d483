import Foundation
import URemoteKit

/// `repl`: a terminal on the board's friendly REPL.
enum ReplCommand: CLICommand {
    static let spec = CommandSpec(
        ["repl"], summary: "open a terminal on the board's REPL (Ctrl-] or Ctrl-X quits)",
        details: """
            Leaves the raw REPL and connects the terminal to the board's interactive prompt: \
            keys go to the board, its output comes back. Ctrl-] or Ctrl-X quits. When stdin is \
            not a terminal, its bytes are sent as typed and the session ends once stdin has \
            ended and the board has been quiet for a second.
            """,
        options: [
            .toggle("escape-non-printable", short: "e", default: false, summary: "show bytes that are not printable ASCII as [xx]"),
            .value("capture", placeholder: "FILE", completion: .localPath, summary: "also write everything the board sends to FILE"),
            .value("inject-code", placeholder: "CODE", summary: "send CODE when Ctrl-J is pressed (\\n in CODE becomes a newline)"),
            .value("inject-file", placeholder: "FILE", completion: .localPath, summary: "run the local FILE on the board when Ctrl-K is pressed"),
        ])

    static func run(_ command: ParsedCommand, in context: CommandContext) throws {
        var capture: FileHandle?
        if let path = command.value("capture") {
            guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
                throw CommandFailure("repl: cannot write capture file '\(path)'")
            }
            capture = handle
        }
        defer { try? capture?.close() }
        if let path = command.value("inject-file"), !FileManager.default.isReadableFile(atPath: path) {
            throw CommandFailure("repl: cannot read inject file '\(path)'")
        }
        let session = try context.friendlySession()
        context.markActed()

        let output = context.output
        output.releaseHeldText()
        if !context.quiet {
            output.line("Connected to MicroPython at \(session.link.name)")
            output.line("Use Ctrl-] or Ctrl-x to exit this shell")
            if command.flag("escape-non-printable") { output.line("Escaping non-printable bytes as [xx]") }
            if let path = command.value("capture") { output.line("Capturing session to file \"\(path)\"") }
            if let code = command.value("inject-code") { output.line("Use Ctrl-J to inject \(code)") }
            if let path = command.value("inject-file") { output.line("Use Ctrl-K to inject file \"\(path)\"") }
        }
        let loop = ReplLoop(
            session: session, output: output, capture: capture,
            escapeNonPrintable: command.flag("escape-non-printable"),
            injectCode: command.value("inject-code").map { Array($0.replacingOccurrences(of: "\\n", with: "\r\n").utf8) },
            injectFile: command.value("inject-file"))
        let ending = loop.run()
        if ending == .boardDisconnected {
            output.line("\ndevice disconnected")
        }
    }
}
