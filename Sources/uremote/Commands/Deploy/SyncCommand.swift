import Foundation
import URemoteKit

/// `sync [LOCAL] [:REMOTE]`: makes a board folder match a local folder.
enum SyncCommand: CLICommand {
    static let spec = CommandSpec(
        ["sync"], summary: "make a board folder match a local folder (upload changes, optionally delete extras)",
        details: """
            Uploads the files of LOCAL (default: the current folder) that are new or changed on the \
            board under :REMOTE (default: the board's current folder), creating folders as needed. \
            Change is detected in one round trip for the whole tree (size, then a hash where sizes \
            match), so a sync with nothing to do is nearly instant. --delete also removes board files \
            that are not in LOCAL. Paths matching --exclude patterns or the lines of LOCAL/.uremoteignore \
            (gitignore syntax) are neither uploaded nor deleted; .git/ and __pycache__/ never are. \
            --dry-run prints what would change and leaves the board alone; --json prints the plan as JSON. \
            --mpy uploads .py modules (all but boot.py and main.py) compiled to .mpy by the host's \
            mpy-cross (or $MPY_CROSS) when it emits the board's .mpy version, and removes the .py \
            they replace; otherwise it says why and uploads sources.
            """,
        options: [
            .flag("delete", summary: "remove board files and folders that are not in LOCAL"),
            .flag("dry-run", short: "n", summary: "show what would change without changing the board"),
            .value("exclude", placeholder: "PATTERN", repeatable: true, summary: "skip paths matching this gitignore-style pattern (repeatable)"),
            .flag("json", summary: "print the outcome as JSON"),
            .flag("mpy", summary: "upload modules compiled to .mpy with mpy-cross when it matches the board"),
        ],
        positionals: [
            PositionalSpec("LOCAL", arity: .optional, completion: .localPath, summary: "the local folder or file (default: .)"),
            PositionalSpec("REMOTE", arity: .optional, completion: .anyPath, summary: "the board folder, with a leading ':' (default: the current folder)"),
        ])

    static func run(_ command: ParsedCommand, in context: CommandContext) throws {
        var local: String?
        var remote: String?
        for word in command.arguments("LOCAL") + command.arguments("REMOTE") {
            if word.hasPrefix(":") {
                guard remote == nil else { throw CommandFailure.usage("sync: give at most one board folder (:REMOTE)") }
                remote = RemotePath.stripTrailingSlashes(String(word.dropFirst()))
            } else {
                guard local == nil else { throw CommandFailure.usage("sync: give at most one local folder; board paths start with ':'") }
                local = word
            }
        }
        let options = BoardSyncer.Options(delete: command.flag("delete"), dryRun: command.flag("dry-run"),
                                          excludes: command.allValues("exclude"), compileToMpy: command.flag("mpy"))
        let json = command.flag("json")
        try FileSystemSupport.run(context) {
            let syncer = BoardSyncer(fileSystem: try FileSystemSupport.fileSystem(context), options: options)
            let plan = try syncer.sync(local: local ?? ".", remote: remote ?? "")
            for notice in syncer.notices { context.errors.line("uremote: \(notice)") }
            if json {
                context.output.line(FileSystemFormatting.json(SyncReport(plan, dryRun: options.dryRun)))
            } else if !context.quiet {
                for line in SyncReport.lines(plan, dryRun: options.dryRun) { context.output.line(line) }
            }
        }
    }
}

/// The outcome of a sync as scripts read it (`--json`) and as people read it.
struct SyncReport: Encodable {
    struct Upload: Encodable {
        var path: String
        var size: Int
        var reason: String
    }

    var dry_run: Bool
    var created: [String]
    var uploaded: [Upload]
    var deleted: [String]
    var unchanged: Int
    var bytes: Int

    init(_ plan: SyncPlan, dryRun: Bool) {
        dry_run = dryRun
        created = plan.directoriesToCreate.filter { !$0.isEmpty }
        uploaded = plan.uploads.map { Upload(path: $0.relativePath, size: $0.size, reason: $0.reason.rawValue) }
        deleted = plan.filesToDelete + plan.directoriesToDelete
        unchanged = plan.unchanged.count
        bytes = plan.uploadBytes
    }

    static func lines(_ plan: SyncPlan, dryRun: Bool) -> [String] {
        var lines: [String] = []
        for dir in plan.directoriesToCreate where !dir.isEmpty { lines.append("mkdir   \(dir)/") }
        for upload in plan.uploads { lines.append("\(upload.reason == .new ? "new    " : "changed") \(upload.relativePath)") }
        for path in plan.filesToDelete { lines.append("delete  \(path)") }
        for path in plan.directoriesToDelete { lines.append("delete  \(path)/") }
        let verb = dryRun ? "would upload" : "uploaded"
        let removed = plan.filesToDelete.count + plan.directoriesToDelete.count
        lines.append("sync: \(verb) \(plan.uploads.count) file(s) (\(FileSystemFormatting.humanSize(plan.uploadBytes))), "
                     + "\(dryRun ? "would delete" : "deleted") \(removed), \(plan.unchanged.count) unchanged")
        return lines
    }
}
