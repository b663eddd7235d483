import URemoteKit

/// `uremote help` and `uremote help COMMAND`, built from the command table.
enum HelpText {
    static let grammarSummary = """
        Commands run one after another on the same board connection; separate them with '+' or \
        just write them in a row. A command with a fixed number of arguments ends after them; \
        one taking a list of paths (cp, rm...) takes every word up to the next '+'. A remote \
        path on the board starts with ':' (':' alone is the board's current folder). With no \
        command that acts on the board, uremote ends with 'repl'.
        """

    static func overview(_ grammar: CommandGrammar) -> String {
        var text = "uremote \(VersionCommand.version) -- control MicroPython and CircuitPython boards\n"
        text += "usage: uremote [COMMAND [ARGS...]] [+] [COMMAND [ARGS...]]...\n\n"
        text += wrap(grammarSummary, indent: "") + "\n\n"
        text += "Commands:\n"
        let visible = grammar.commands.filter { !$0.hidden }
        let width = min(20, (visible.map(\.name.count) + grammar.shortcuts.map(\.name.count)).max() ?? 10)
        for spec in visible {
            text += row(spec.name, spec.summary, width: width)
        }
        text += "\nShortcuts:\n"
        for spec in visible {
            for shortcut in spec.shortcuts {
                text += row(shortcut, "same as '\(spec.name)'", width: width)
            }
        }
        for shortcut in grammar.shortcuts where !shortcut.name.hasPrefix("-") {
            text += row(shortcut.name, "\(shortcut.summary) ('\(shortcut.expansion.joined(separator: " "))')", width: width)
        }
        text += "\nThe default device is $UREMOTE_DEVICE, else 'auto'. 'uremote help COMMAND' explains a command.\n"
        return text
    }

    static func command(_ spec: CommandSpec) -> String {
        var text = "usage: uremote \(spec.usage)\n\n"
        text += wrap(spec.summary, indent: "") + "\n"
        if !spec.details.isEmpty { text += "\n" + wrap(spec.details, indent: "") + "\n" }
        if !spec.shortcuts.isEmpty { text += "\nShortcut: \(spec.shortcuts.joined(separator: ", "))\n" }
        if !spec.positionals.isEmpty {
            text += "\nArguments:\n"
            for positional in spec.positionals { text += row(positional.usage, positional.summary, width: 20) }
        }
        if !spec.options.isEmpty {
            text += "\nOptions:\n"
            for option in spec.options { text += row(option.usage, option.summary, width: 20) }
        }
        return text
    }

    private static func row(_ name: String, _ summary: String, width: Int) -> String {
        let padding = name.count < width ? String(repeating: " ", count: width - name.count) : ""
        if name.count > width {
            return "  \(name)\n" + wrap(summary, indent: String(repeating: " ", count: width + 4)) + "\n"
        }
        let wrapped = wrap(summary, indent: String(repeating: " ", count: width + 4))
        return "  \(name)\(padding)  " + wrapped.dropFirst(width + 4) + "\n"
    }

    /// Wraps at 79 columns, every line starting with `indent`.
    static func wrap(_ text: String, indent: String) -> String {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = indent
            for word in paragraph.split(separator: " ") {
                if line.count > indent.count && line.count + 1 + word.count > 79 {
                    lines.append(line)
                    line = indent
                }
                line += (line.count > indent.count ? " " : "") + word
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}
