import Foundation
import Testing

/// uremote's command line against mpremote's on the same board: scenarios of the kind
/// mpremote's own behaviour tests (tools/mpremote/tests) run, written for uremote, played once
/// by the real mpremote and once by uremote on one `uremote sim serve` board, and compared
/// step by step: exit status and output, stdout then stderr as a shell's `2>&1` shows them at
/// the end of a command (tool name aside; a board's traceback is on stdout for mpremote and on
/// stderr for uremote, which that view does not distinguish).
///
/// Each scenario starts from a soft reset and a fresh RAM disk, so both tools meet the same board
/// state. mpremote runs with `resume` (no implicit soft reset between invocations, which uremote
/// never does) and with Python's usual block-buffered stdout, the setting its expectations are
/// written against.
@Suite(.serialized) struct MpremoteParityTests {
    /// A RAM disk of our own making, mounted at /rd as the board's working directory.
    static let ramDisk = """
        import os, vfs
        class Disk:
            def __init__(self, blocks):
                self.mem = bytearray(512 * blocks)
            def readblocks(self, n, buf):
                buf[:] = self.mem[n * 512:n * 512 + len(buf)]
            def writeblocks(self, n, buf):
                self.mem[n * 512:n * 512 + len(buf)] = buf
            def ioctl(self, op, arg):
                return 512 if op == 5 else len(self.mem) // 512 if op == 4 else None
        disk = Disk(64)
        vfs.VfsFat.mkfs(disk)
        vfs.mount(disk, '/rd')
        os.chdir('/rd')
        """

    @Test func filesAndFoldersOnAFatDisk() throws {
        try compare(steps: [
            ["touch", ":empty.txt"], ["mkdir", ":docs"], ["ls"],
            ["cp", "$TMP/notes.txt", "$TMP/data.bin", ":docs/"], ["ls", ":docs"], ["cat", ":docs/notes.txt"],
            ["sha256sum", ":docs/notes.txt"], ["cp", ":docs/notes.txt", ":second.txt"], ["ls", ":"],
            ["cp", "$TMP/notes.txt", ":docs/notes.txt"], ["cp", "-f", "$TMP/notes.txt", ":docs"],
            ["rm", ":empty.txt"], ["touch", ":z.txt"], ["ls"],
            ["cp", "$TMP/notes.txt", ":second.txt/"], ["rm", ":nothing.txt"], ["rmdir", ":docs"],
            ["cat", ":docs"], ["mkdir", ":docs"], ["tree", "-s", ":"], ["tree", "--human", "docs"],
            ["tree", ":missing"], ["cp", ":docs/data.bin", "$TMP/back.bin"],
        ])
    }

    @Test func treesCopiedBothWaysAndRemoved() throws {
        try compare(steps: [
            ["cp", "-r", "$TMP/app", ":"], ["ls", ":", ":app", ":app/lib"],
            ["exec", "import app; app.run()"],
            ["cp", "-r", "$TMP/app", ":"], ["cp", "-r", "$TMP/app", ":copy"], ["mkdir", ":into"],
            ["cp", "-r", ":app", ":into"], ["tree", ":"],
            ["cp", "-r", ":copy", "$TMP/down"], ["cp", "-r", ":copy", "$TMP/down"],
            ["rm", "-r", "-v", ":into"], ["rm", "-r", ":"], ["ls", ":"], ["rm", "-r", ":gone"],
            ["exec", "import os; os.chdir('/')"], ["rm", "-r", "-v", ":rd"], ["ls", ":/rd"],
        ], localCheck: ["down", "down/copy", "down/lib"])
    }

    @Test func codeStateAndErrors() throws {
        try compare(steps: [
            ["exec", "kept = {'k': (1, 2.5, 'ü')}", "eval", "kept"], ["eval", "kept['k'][2] * 3"],
            ["resume", "eval", "len(kept)"], ["run", "$TMP/count.py"],
            ["exec", "print('before'); raise ValueError('boom')"],
            ["exec", "x = 7", "soft-reset", "eval", "'x' in globals()"],
            ["exec", "print('名前 🎉 café')"],
        ], freshDisk: false)
    }

    @Test func errnoFromAFilesystemOfOurOwn() throws {
        var steps: [[String]] = [["exec", """
            import os, vfs, errno
            class Broken:
                def mount(self, ro, mk): pass
                def umount(self): pass
                def chdir(self, p): pass
                def stat(self, p): raise OSError(errno.ENOENT)
                def open(self, p, m): raise self.fail
            broken = Broken()
            vfs.mount(broken, '/broken')
            os.chdir('/broken')
            """]]
        for name in ["ENOENT", "EACCES", "EEXIST", "EISDIR", "EINVAL", "ENOSPC"] {
            steps.append(["exec", "broken.fail = OSError(errno.\(name), '')"])
            steps.append(["cat", ":\(name).txt"])
        }
        steps.append(["exec", "vfs.umount('/broken'); os.chdir('/')"])
        try compare(steps: steps, freshDisk: false)
    }

    @Test func mountedFolder() throws {
        try compare(steps: [
            ["mount", "$TMP/app", "exec", "from lib import helper; print(helper.twice(21))"],
            ["mount", "$TMP/app", "exec", "open('made.txt', 'w').write('left open\\n')"],
            ["mount", "$TMP/app", "exec", "print(open('made.txt').read())"],
            ["mount", "$TMP/app", "+", "rm", "-r", ":lib"],
        ], freshDisk: false, localCheck: ["app/made.txt", "app/lib/helper.py"])
    }

    // MARK: The comparison

    private func compare(steps: [[String]], freshDisk: Bool = true, localCheck: [String] = []) throws {
        let mpremote = try Mpremote.path()
        let board = try ServedSimulator()
        defer { board.stop() }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("uremote-parity-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let tools: [(name: String, command: [String])] = [
            ("mpremote", [mpremote, "connect", board.link, "resume"]),
            ("uremote", [Uremote.binary.path, "connect", board.link]),
        ]
        var transcripts: [[Step]] = []
        for tool in tools {
            let work = root.appendingPathComponent(tool.name)
            try Self.makeLocalFiles(in: work)
            let reset = try Self.run(tool.command + ["soft-reset"] + (freshDisk ? ["exec", Self.ramDisk] : ["eval", "1"]),
                                     in: work)
            #expect(reset.status == 0, "\(tool.name) could not prepare the board: \(reset.stderr)")
            transcripts.append(try steps.map { step in
                try Self.run(tool.command + step.map { $0.replacingOccurrences(of: "$TMP", with: work.path) }, in: work)
                    .normalized(work: work.path)
            })
        }
        for (index, step) in steps.enumerated() {
            let (reference, ours) = (transcripts[0][index], transcripts[1][index])
            #expect(ours.status == reference.status, "exit status of \(step): mpremote \(reference.status), uremote \(ours.status)")
            #expect(ours.stdout + ours.stderr == reference.stdout + reference.stderr,
                    "output of \(step):\nmpremote:\n\(reference.stdout)\(reference.stderr)\nuremote:\n\(ours.stdout)\(ours.stderr)")
        }
        for path in localCheck {
            let listings = tools.map { tool in
                Self.listing(root.appendingPathComponent(tool.name).appendingPathComponent(path))
            }
            #expect(listings[0] == listings[1], "\(path): mpremote left \(listings[0]), uremote \(listings[1])")
        }
    }

    struct Step {
        var status: Int32
        var stdout: String
        var stderr: String

        func normalized(work: String) -> Step {
            func clean(_ text: String) -> String {
                text.replacingOccurrences(of: "\r", with: "").replacingOccurrences(of: work, with: "$TMP")
                    .replacingOccurrences(of: "mpremote: ", with: "TOOL: ").replacingOccurrences(of: "uremote: ", with: "TOOL: ")
            }
            return Step(status: status, stdout: clean(stdout), stderr: clean(stderr))
        }
    }

    /// Runs one invocation with stdout and stderr in files (no pipe can fill up), Python's
    /// output buffering left at its default.
    static func run(_ command: [String], in directory: URL) throws -> Step {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "PYTHONUNBUFFERED")
        environment.removeValue(forKey: "UREMOTE_DEVICE")
        process.environment = environment
        let out = directory.deletingLastPathComponent().appendingPathComponent("stdout-\(UUID().uuidString)")
        let err = directory.deletingLastPathComponent().appendingPathComponent("stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
        }
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        return Step(status: process.terminationStatus,
                    stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
                    stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }

    static func makeLocalFiles(in work: URL) throws {
        let files: [String: String] = [
            "notes.txt": "first line\nzweite Zeile\n第三行\n",
            "count.py": "for i in range(3):\n    print('count', i)\n",
            "app/__init__.py": "from .lib.helper import twice\ndef run():\n    print('run', twice(2))\n",
            "app/lib/__init__.py": "",
            "app/lib/helper.py": "def twice(n):\n    return 2 * n\n",
            "app/readme.txt": "an app\n",
        ]
        for (path, text) in files {
            let url = work.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try Data((0..<3000).map { UInt8(truncatingIfNeeded: $0 &* 7919) }).write(to: work.appendingPathComponent("data.bin"))
    }

    static func listing(_ url: URL) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return ["(missing)"] }
        if !isDirectory.boolValue { return [String(decoding: (try? Data(contentsOf: url)) ?? Data(), as: UTF8.self)] }
        return ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
    }
}
