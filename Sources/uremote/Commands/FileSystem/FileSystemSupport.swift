import Foundation
import URemoteKit

/// What every filesystem command shares: the board's filesystem for this session (probed once,
/// however many commands the chain holds), mpremote's options, path rules and error wording.
enum FileSystemSupport {
    nonisolated(unsafe) private static var cache: [ObjectIdentifier: BoardFileSystem] = [:]
    nonisolated(unsafe) static var statsToReport: TransferStatistics?

    /// The filesystem of the chain's board, in raw REPL mode; one helper probe per session.
    static func fileSystem(_ context: CommandContext) throws -> BoardFileSystem {
        let session = try context.rawSession()
        let key = ObjectIdentifier(session)
        if let fs = cache[key] { return fs }
        let fs = BoardFileSystem(runner: session, disabledFeatures: disabledFeatures(),
                                 progress: context.quiet ? nil : TerminalProgressBar.ifTerminal())
        cache = [key: fs]
        context.onSoftReset { _ in fs.forgetBoardState() }
        if ProcessInfo.processInfo.environment["UREMOTE_FS_STATS"] == "1" {
            // Printed when the process ends, so a chain's transfers are summed.
            statsToReport = fs.statistics
            atexit { if let stats = FileSystemSupport.statsToReport, stats.bytes > 0 {
                FileHandle.standardError.write(Data((stats.summary + "\n").utf8)) } }
        }
        return fs
    }

    /// `UREMOTE_FS_DISABLE=deflate,rawStdio,...` pretends the board lacks features, to try (and
    /// benchmark) the fallback paths on a board that has them all.
    static func disabledFeatures() -> Set<BoardFeature> {
        let value = ProcessInfo.processInfo.environment["UREMOTE_FS_DISABLE"] ?? ""
        let names = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        return Set(BoardFeature.allCases.filter { names.contains(String(describing: $0).lowercased()) })
    }

    /// Runs `body`, turning filesystem errors into one-line failures (usage errors exit 2).
    static func run(_ context: CommandContext, _ body: () throws -> Void) throws {
        context.markActed()
        do {
            try body()
        } catch let error as BoardFileError {
            context.output.finish()
            if case .usage(let message) = error { throw CommandFailure(message) }
            if case .boardException(let traceback) = error {
                // Not an OSError: the whole traceback explains it, under mpremote's heading.
                let text = traceback.replacingOccurrences(of: "\r\n", with: "\n")
                    .trimmingCharacters(in: .whitespacesAndNewlines)
                throw CommandFailure("Error with transport:", detail: text)
            }
            throw CommandFailure(error.description)
        }
    }

    /// mpremote strips a leading `:` from the paths of every command but `cp`.
    static func boardPath(_ word: String) -> String {
        word.hasPrefix(":") ? String(word.dropFirst()) : word
    }

    /// mpremote prints `ls :path` before acting unless told `--no-verbose` (we also honour `-q`).
    static func verbose(_ command: ParsedCommand, _ context: CommandContext, defaultOn: Bool = true) -> Bool {
        if context.quiet { return false }
        if let explicit = command.flags["verbose"] { return explicit }
        return defaultOn
    }

    static let verboseOption = OptionSpec(
        "verbose", short: "v", kind: .flag(defaultValue: false, negatable: true),
        summary: "print each command before it runs (default for all but cat); --no-verbose to hide it")
    static let recursiveOption = OptionSpec.flag("recursive", short: "r", summary: "copy or remove directories and their contents")
    static let forceOption = OptionSpec.flag("force", short: "f", summary: "copy even when the destination already has identical content")
    static let jsonOption = OptionSpec.flag("json", summary: "print JSON instead of text")

    static func pathsArgument(_ arity: PositionalSpec.Arity = .oneOrMore) -> PositionalSpec {
        PositionalSpec("PATH", arity: arity, completion: .anyPath, summary: "a path on the board (the leading ':' is optional)")
    }
}
