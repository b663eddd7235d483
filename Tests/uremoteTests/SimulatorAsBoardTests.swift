import Foundation
import Testing

/// The file-command script that `FileSystemCommandTests` runs against real MicroPython, run again
/// with uremote against the in-process simulator: same exit statuses, same output (sizes aside,
/// since the unix port's `ilistdir` reports none), and the same files on both flashes at the end.
@Suite(.serialized) struct SimulatorAsBoardTests {
    @Test func simulatorBehavesLikeTheReferenceBoard() throws {
        let reference = try ReferenceBoard()
        defer { reference.stop() }
        let shared = FileManager.default.temporaryDirectory.appendingPathComponent("uremote-fssim-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: shared) }
        let simFlash = shared.appendingPathComponent("sim-flash")
        try FileManager.default.createDirectory(at: shared.appendingPathComponent("proj/lib"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: simFlash, withIntermediateDirectories: true)
        try Data("hello\n".utf8).write(to: shared.appendingPathComponent("hello.txt"))
        try Data("print('main')\n".utf8).write(to: shared.appendingPathComponent("proj/main.py"))
        try Data("X = 1\n".utf8).write(to: shared.appendingPathComponent("proj/lib/util.py"))
        let workReference = shared.appendingPathComponent("work-reference")
        let workSimulator = shared.appendingPathComponent("work-simulator")
        for dir in [workReference, workSimulator] {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        }
        // Files larger than one read of the board helper (512 bytes), one random, one compressible.
        var generator = SystemRandomNumberGenerator()
        let random = (0..<20_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        try Data(random).write(to: shared.appendingPathComponent("big.bin"))
        let source = (0..<300).map { "value_\($0) = \($0 * 7)  # a line of source\n" }.joined()
        try Data(source.utf8).write(to: shared.appendingPathComponent("big.py"))
        let hello = shared.appendingPathComponent("hello.txt").path
        let proj = shared.appendingPathComponent("proj").path
        let simulator = "sim:" + simFlash.path

        let script: [[String]] = [
            ["mkdir", ":d"], ["mkdir", ":d"], ["touch", ":d/x"], ["cp", hello, ":d/"], ["cp", hello, ":d/"],
            ["cp", "-f", hello, ":d/hello.txt"], ["ls", ":d"], ["cat", ":d/hello.txt"],
            ["sha256sum", ":d/hello.txt"], ["fs", "md5sum", ":d/hello.txt"], ["tree", ":d"],
            ["ls", "nonexist"], ["cat", ":nonexist"], ["rm", ":d/x"], ["rm", ":d/x"], ["rmdir", ":nothere"],
            ["cp", ":d/hello.txt", "out.txt"], ["cp", "-r", proj, ":."], ["cp", "-r", proj, ":."],
            ["tree", ":proj"], ["cp", "-r", ":proj", "back"], ["rm", "-r", ":proj"],
            ["exec", "print(1)", "+", "ls", ":d"], ["soft-reset", "+", "cat", ":d/hello.txt"],
            ["cp", shared.appendingPathComponent("big.bin").path, shared.appendingPathComponent("big.py").path, ":d/"],
            ["sha256sum", ":d/big.bin"], ["cp", ":d/big.py", "big-back.py"],
        ]
        /// Listing sizes are 0 on the unix port and real on the simulator; everything else must match.
        func normal(_ text: String, _ flash: URL) -> String {
            let text = text.replacingOccurrences(of: flash.path, with: "FLASH").replacingOccurrences(of: "\r\n", with: "\n")
            return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                line.replacingOccurrences(of: #"^(\s*)\d+ "#, with: "$1N ", options: .regularExpression)
                    .replacingOccurrences(of: #"\[\s*\d+\]"#, with: "[N]", options: .regularExpression)
            }.joined(separator: "\n")
        }
        for command in script {
            let a = try Uremote.run(["connect", reference.link] + command, directory: workReference, timeout: 30)
            let b = try Uremote.run(["connect", simulator] + command, directory: workSimulator, timeout: 30)
            #expect(a.status == b.status, "exit status of \(command): \(a.stderr) vs \(b.stderr)")
            // Listing order is the filesystem's own (readdir order on the unix port): compare as sets.
            let unordered = command.contains("ls") || command.contains("tree")
            let (x, y) = (normal(a.stdout, reference.flash), normal(b.stdout, simFlash))
            #expect(unordered ? x.split(separator: "\n").sorted() == y.split(separator: "\n").sorted() : x == y,
                    "stdout of \(command): \(x) vs \(y)")
            #expect(a.stderr == b.stderr, "stderr of \(command)")
        }
        let files = { (url: URL) in
            (FileManager.default.enumerator(atPath: url.path)?.allObjects as? [String] ?? []).sorted()
        }
        #expect(files(reference.flash) == files(simFlash))
        #expect(files(workReference) == files(workSimulator))
        #expect(try Data(contentsOf: simFlash.appendingPathComponent("d/big.bin")) == Data(random))
        #expect(try String(contentsOf: workSimulator.appendingPathComponent("big-back.py"), encoding: .utf8) == source)
    }

    /// The mount scenarios of `MountCommandTests`, on the in-process simulator.
    @Test func mountWorksOnTheSimulator() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("uremote-mountsim-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("src")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("pkg/sub"), withIntermediateDirectories: true)
        try Data("def f():\n    return 42\n".utf8).write(to: folder.appendingPathComponent("mod.py"))
        try Data("".utf8).write(to: folder.appendingPathComponent("pkg/__init__.py"))
        try Data("V = 7\n".utf8).write(to: folder.appendingPathComponent("pkg/sub/__init__.py"))
        try Data("secret".utf8).write(to: root.appendingPathComponent("outside.txt"))
        let device = "sim:" + root.appendingPathComponent("flash").path

        let imported = try Uremote.run(["connect", device, "mount", folder.path, "+", "exec",
            "import mod, pkg.sub; print(mod.f(), pkg.sub.V); f = open('w.txt', 'w'); f.write('hi'); f.close()"], timeout: 30)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("42 7"))
        #expect(try String(contentsOf: folder.appendingPathComponent("w.txt"), encoding: .utf8) == "hi")

        let remounted = try Uremote.run(["connect", device, "mount", folder.path, "+", "soft-reset", "+", "exec",
                                         "import mod; print(mod.f())"], timeout: 30)
        #expect(remounted.status == 0, "\(remounted.stderr)")
        #expect(remounted.stdout.contains("42"))
        #expect(remounted.stderr.contains("remounted"))

        let escape = try Uremote.run(["connect", device, "mount", folder.path, "+", "exec",
                                      "open('/remote/../outside.txt').read()"], timeout: 30)
        #expect(escape.status == 1)
        #expect(!escape.stdout.contains("secret"))
    }
}
