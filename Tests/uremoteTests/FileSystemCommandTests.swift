import Foundation
import Testing

/// The fs commands through the built binary against real MicroPython, compared line for line with
/// what mpremote prints for the same command on an identical board.
@Suite(.serialized) struct FileSystemCommandTests {
    /// Runs mpremote the way `Uremote.run` runs uremote.
    static func mpremote(_ arguments: [String], directory: URL) throws -> Uremote.Outcome {
        guard let tool = ReferenceBoard.which("mpremote") else {
            throw HarnessError("mpremote is not installed; run scripts/install-deps --test")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let start = Date()
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Uremote.Outcome(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                               stderr: String(decoding: errData, as: UTF8.self), seconds: Date().timeIntervalSince(start))
    }

    /// (`cp -r DIR :.` rather than `:`: on the unix port `os.stat('')` fails, so mpremote cannot
    /// copy to `:` there at all; uremote treats `:` as the current directory, as boards do.)
    @Test func outputMatchesMpremoteCommandForCommand() throws {
        let mine = try ReferenceBoard()
        defer { mine.stop() }
        let theirs = try ReferenceBoard()
        defer { theirs.stop() }
        let shared = FileManager.default.temporaryDirectory.appendingPathComponent("uremote-fscmp-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: shared) }
        try FileManager.default.createDirectory(at: shared.appendingPathComponent("proj/lib"), withIntermediateDirectories: true)
        try Data("hello\n".utf8).write(to: shared.appendingPathComponent("hello.txt"))
        try Data("print('main')\n".utf8).write(to: shared.appendingPathComponent("proj/main.py"))
        try Data("X = 1\n".utf8).write(to: shared.appendingPathComponent("proj/lib/util.py"))
        let workMine = shared.appendingPathComponent("work-mine"), workTheirs = shared.appendingPathComponent("work-theirs")
        for dir in [workMine, workTheirs] { try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true) }
        let hello = shared.appendingPathComponent("hello.txt").path
        let proj = shared.appendingPathComponent("proj").path

        let script: [[String]] = [
            ["ls"], ["mkdir", ":d"], ["mkdir", ":d"], ["touch", ":d/x"], ["cp", hello, ":d/"], ["cp", hello, ":d/"],
            ["cp", "-f", hello, ":d/hello.txt"], ["ls", ":d"], ["fs", "ls", "d"], ["cat", ":d/hello.txt"],
            ["sha256sum", ":d/hello.txt"], ["fs", "sha1sum", ":d/hello.txt"], ["fs", "md5sum", ":d/hello.txt"],
            ["tree"], ["tree", "-s"], ["tree", "-h", ":d"], ["ls", "nonexist"], ["cat", ":nonexist"],
            ["rm", ":d/x"], ["rm", ":d/x"], ["rmdir", ":nothere"], ["cp", ":d/hello.txt", "out.txt"],
            ["cp", "-r", proj, ":."], ["cp", "-r", proj, ":."], ["tree", ":proj"], ["cp", "-r", ":proj", "back"],
            ["rm", "-r", ":proj"], ["ls"], ["fs", "touch", "a", "b"], ["ls", ":", ":d"],
            ["exec", "print(1)", "+", "ls", ":d"],
        ]
        for command in script {
            let a = try Uremote.run(["connect", mine.link] + command, directory: workMine, timeout: 30)
            let b = try Self.mpremote(["connect", theirs.link] + command, directory: workTheirs)
            func normal(_ text: String, _ flash: URL) -> String {
                text.replacingOccurrences(of: flash.path, with: "FLASH").replacingOccurrences(of: "\r\n", with: "\n")
            }
            #expect(normal(a.stdout, mine.flash) == normal(b.stdout, theirs.flash), "stdout of \(command)")
            #expect(a.status == b.status, "exit status of \(command): \(a.stderr)")
            if b.stderr.hasPrefix("mpremote: ") {
                #expect(a.stderr == "uremote: " + b.stderr.dropFirst("mpremote: ".count), "stderr of \(command)")
            }
        }
        // Both boards end with the same files.
        let names = { (url: URL) in (FileManager.default.enumerator(atPath: url.path)?.allObjects as? [String] ?? []).sorted() }
        #expect(names(mine.flash) == names(theirs.flash))
    }

    @Test func jsonListingAndQuietMode() throws {
        let board = try ReferenceBoard()
        defer { board.stop() }
        try FileManager.default.createDirectory(at: board.flash.appendingPathComponent("lib"), withIntermediateDirectories: true)
        try Data("abc".utf8).write(to: board.flash.appendingPathComponent("lib/a.py"))
        let ls = try board.uremote(["ls", "--json", ":lib"])
        #expect(ls.status == 0)
        let parsed = try JSONSerialization.jsonObject(with: Data(ls.stdout.utf8)) as? [[String: Any]]
        #expect(parsed?.first?["name"] as? String == "a.py")
        #expect(parsed?.first?["type"] as? String == "file")
        let tree = try board.uremote(["tree", "--json", ":lib"])
        #expect(tree.stdout.contains("\"name\":\"a.py\""))
        let quiet = try Uremote.run(["-q", "connect", board.link, "mkdir", ":q", "+", "cp", "-r", ":lib", ":q"],
                                    directory: board.flash)
        #expect(quiet.stdout.isEmpty && quiet.stderr.isEmpty, "quiet prints nothing: \(quiet.stdout) \(quiet.stderr)")
    }

    @Test func editWritesBackOnlyWhenChanged() throws {
        let board = try ReferenceBoard()
        defer { board.stop() }
        let file = board.flash.appendingPathComponent("conf.py")
        try Data("a = 1\n".utf8).write(to: file)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("uremote-edit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let appender = scratch.appendingPathComponent("append.sh")
        try Data("#!/bin/sh\necho 'b = 2' >> \"$1\"\n".utf8).write(to: appender)
        chmod(appender.path, 0o755)
        let inode = { (try? FileManager.default.attributesOfItem(atPath: file.path)[.systemFileNumber] as? Int) ?? -1 }
        let before = inode()
        let unchanged = try Uremote.run(["connect", board.link, "edit", ":conf.py"], environment: ["EDITOR": "true"])
        #expect(unchanged.status == 0, "\(unchanged.stderr)")
        #expect(inode() == before, "an unchanged file is not rewritten")
        let changed = try Uremote.run(["connect", board.link, "edit", ":conf.py"], environment: ["EDITOR": appender.path])
        #expect(changed.status == 0, "\(changed.stderr)")
        #expect(changed.stdout == "edit :conf.py\n")
        #expect(try String(contentsOf: file, encoding: .utf8) == "a = 1\nb = 2\n")
        let noEditor = try Uremote.run(["connect", board.link, "edit", ":conf.py"], environment: ["EDITOR": ""])
        #expect(noEditor.status == 1 && noEditor.stderr == "uremote: edit: $EDITOR not set\n")
    }
}
