import Foundation
import URemoteKit

/// `watch [LOCAL] [:REMOTE] [--run FILE]`: the edit-save-run loop. Syncs, soft-resets, runs the
/// entry file and streams its output; a save stops the program, syncs what changed and runs it
/// again. Ctrl-C ends the loop.
enum WatchCommand: CLICommand {
    static let spec = CommandSpec(
        ["watch"], summary: "on every save: sync the folder, soft-reset and run the entry file",
        details: """
            Syncs LOCAL (default: the current folder) to :REMOTE (default: the board's current \
            folder) as 'sync' does, soft-resets the board and runs --run FILE (default: main.py, \
            relative to LOCAL) with its output streamed. When a file under LOCAL is saved, the \
            running program is stopped, only what changed is uploaded, and the program runs again; \
            a burst of saves makes one cycle. Ctrl-C stops watching.
            """,
        options: [
            .value("run", placeholder: "FILE", completion: .localPath, summary: "the entry file to run after each sync (default: main.py)"),
            .flag("delete", summary: "also remove board files that are not in LOCAL"),
            .value("exclude", placeholder: "PATTERN", repeatable: true, summary: "skip paths matching this gitignore-style pattern (repeatable)"),
        ],
        positionals: [
            PositionalSpec("LOCAL", arity: .optional, completion: .localPath, summary: "the local folder (default: .)"),
            PositionalSpec("REMOTE", arity: .optional, completion: .anyPath, summary: "the board folder, with a leading ':'"),
        ])

    static func run(_ command: ParsedCommand, in context: CommandContext) throws {
        var local = "."
        var remote = ""
        for word in command.arguments("LOCAL") + command.arguments("REMOTE") {
            if word.hasPrefix(":") { remote = RemotePath.stripTrailingSlashes(String(word.dropFirst())) } else { local = word }
        }
        let entry = command.value("run") ?? "main.py"
        let entryPath = entry.hasPrefix("/") ? entry : (local as NSString).appendingPathComponent(entry)
        let options = BoardSyncer.Options(delete: command.flag("delete"), excludes: command.allValues("exclude"))
        let rules: IgnoreRules
        do { rules = try IgnoreRules.forFolder(local, extra: options.excludes) }
        catch { throw CommandFailure(String(describing: error)) }
        let watcher = FolderWatcher(root: local, rules: rules)
        context.markActed()
        let stop = StopFlag()
        signal(SIGINT, SIG_IGN)
        let sigint = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        defer { sigint.cancel(); signal(SIGINT, SIG_DFL) }

        var cycle = 0
        while !stop.isSet {
            cycle += 1
            try FileSystemSupport.run(context) {
                // A fresh filesystem each cycle: the soft reset below wipes the helpers a cached one
                // believes are installed.
                let fileSystem = BoardFileSystem(runner: try context.rawSession(), disabledFeatures: FileSystemSupport.disabledFeatures())
                let syncer = BoardSyncer(fileSystem: fileSystem, options: options)
                let plan = try syncer.sync(local: local, remote: remote)
                if !context.quiet && (cycle == 1 || !plan.isEmpty) {
                    for line in SyncReport.lines(plan, dryRun: false) { context.errors.line(line) }
                }
            }
            let code: String
            do { code = String(decoding: try Data(contentsOf: URL(fileURLWithPath: entryPath)), as: UTF8.self) }
            catch { throw CommandFailure("watch: cannot read '\(entryPath)': \(FileErrors.reason(error)); name the entry file with --run") }
            try context.softReset()
            let session = try context.rawSession()
            if !context.quiet { context.errors.line("watch: running \(entry) (cycle \(cycle)); save a file to rerun, Ctrl-C to stop") }

            // A save or Ctrl-C while the program runs stops it.
            let changed = StopFlag()
            let interrupter = Interrupter(session)
            sigint.setEventHandler { stop.set(); interrupter.interrupt() }
            if cycle == 1 { sigint.resume() }
            let poller = Thread {
                if watcher.waitForChange(shouldStop: { stop.isSet || changed.isSet }) {
                    changed.set()
                    interrupter.interrupt()
                }
            }
            poller.start()
            let output = context.output
            let result = try session.execute(code, timeout: nil, onOutput: { output.write(bytes: $0) })
            output.finish()
            let wasChange = changed.isSet
            changed.set()  // ends the poller if the program finished by itself
            while !poller.isFinished { Thread.sleep(forTimeInterval: 0.01) }
            if result.raisedException && !wasChange && !stop.isSet {
                context.errors.write(bytes: result.errorOutput)
                context.errors.finish()
            }
            if stop.isSet { break }
            if !wasChange {
                if !context.quiet { context.errors.line("watch: program ended; waiting for changes") }
                guard watcher.waitForChange(shouldStop: { stop.isSet }) else { break }
            }
        }
        if !context.quiet { context.errors.line("watch: stopped") }
    }
}

/// A flag set from another thread (a signal handler, the folder poller).
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
    func set() { lock.lock(); value = true; lock.unlock() }
}

/// Lets another thread stop the board's program; the session's interrupt only writes a Ctrl-C.
final class Interrupter: @unchecked Sendable {
    private let session: BoardSession
    init(_ session: BoardSession) { self.session = session }
    func interrupt() { session.interrupt() }
}
