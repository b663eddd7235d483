import Foundation
import URemoteKit

/// Developer tools kept out of `help`: `--generate KIND` prints a generated file, `--generate all
/// DIR` rewrites them in a checkout; `--explain ARGS...` prints how a command line parses.
enum HiddenTools {
    static let generatedFiles: [(kind: String, path: String)] = [
        ("completion-bash", "Completions/uremote.bash"),
        ("completion-zsh", "Completions/_uremote"),
        ("completion-fish", "Completions/uremote.fish"),
        ("man", "man/uremote.1"),
    ]

    static func generate(_ kind: String) -> String? {
        let model = CompletionModel(grammar: CommandTable.grammar)
        switch kind {
        case "completion-bash": return BashCompletion.script(model)
        case "completion-zsh": return ZshCompletion.script(model)
        case "completion-fish": return FishCompletion.script(model)
        case "man": return ManPage.page(CommandTable.grammar)
        default: return nil
        }
    }

    static func run(_ tool: String, _ arguments: [String]) -> Int32 {
        let output = ConsoleOutput.standardOutput
        let errors = ConsoleOutput.standardError
        if tool == "--explain" {
            do {
                for command in try CommandTable.grammar.parse(arguments) {
                    output.line(describe(command))
                }
                return 0
            } catch {
                errors.line("uremote: \(error.message)")
                return 2
            }
        }
        let kinds = generatedFiles.map(\.kind).joined(separator: ", ")
        guard let kind = arguments.first else {
            errors.line("uremote: --generate needs one of: \(kinds), all DIR")
            return 2
        }
        if kind == "all" {
            let root = arguments.count > 1 ? arguments[1] : "."
            for file in generatedFiles {
                let url = URL(fileURLWithPath: root).appendingPathComponent(file.path)
                do {
                    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try Data((generate(file.kind) ?? "").utf8).write(to: url, options: .atomic)
                    output.line("wrote \(url.path)")
                } catch {
                    errors.line("uremote: cannot write \(url.path): \(FileErrors.reason(error))")
                    return 1
                }
            }
            return 0
        }
        guard let text = generate(kind) else {
            errors.line("uremote: --generate: unknown kind '\(kind)' (one of: \(kinds), all DIR)")
            return 2
        }
        output.write(text)
        return 0
    }

    /// `exec follow=false CODE=[x=5]`: one line per command, stable for tests.
    static func describe(_ command: ParsedCommand) -> String {
        var parts = [command.name]
        for (key, value) in command.flags.sorted(by: { $0.key < $1.key }) { parts.append("\(key)=\(value)") }
        for (key, value) in command.values.sorted(by: { $0.key < $1.key }) { parts.append("\(key)=\(value)") }
        for positional in command.spec.positionals where !command.arguments(positional.name).isEmpty {
            parts.append("\(positional.name)=\(command.arguments(positional.name))")
        }
        return parts.joined(separator: " ")
    }
}
