import Foundation
import Testing

/// `mount` and `umount` through the built binary, against real MicroPython on a pty.
@Suite("uremote mount against real MicroPython", .serialized)
struct MountCommandTests {
    /// A host folder with a module, a package and a main.py, removed afterwards.
    final class HostFolder {
        let url: URL
        init() throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("uremote-mount-cli-\(UUID().uuidString)")
            try put("mod.py", "def f():\n    return 42\n")
            try put("pkg/__init__.py", "from .sub import leaf\n")
            try put("pkg/sub/__init__.py", "")
            try put("pkg/sub/leaf.py", "WORD = 'leaf'\n")
            try put("main.py", "import mod, pkg\nprint('main', mod.f(), pkg.leaf.WORD)\n")
        }
        func put(_ relative: String, _ text: String) throws {
            let file = url.appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        deinit { try? FileManager.default.removeItem(at: url) }
    }

    @Test func mountThenImportAModule() throws {
        let board = try ReferenceBoard()
        defer { board.stop() }
        let host = try HostFolder()
        let outcome = try board.uremote(["mount", host.url.path, "+", "exec", "import mod; print(mod.f())"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        // Piped, uremote's own line comes after the board's output, as mpremote's buffered print does.
        #expect(outcome.stdout == "42\nLocal directory \(host.url.path) is mounted at /remote\n")
        #expect(outcome.stderr.isEmpty)
    }

    // Piped stdout: the board's output first, uremote's "Local directory" notice after it.
    @Test func runMainFromTheMountImportsAPackage() throws {
        let board = try ReferenceBoard()
        defer { board.stop() }
        let host = try HostFolder()
        let outcome = try board.uremote(["mount", host.url.path, "+", "run", host.url.appendingPathComponent("main.py").path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("main 42 leaf\n"), "\(outcome.stdout)")
    }

    @Test func theBoardIsUnmountedWhenTheChainEnds() throws {
        let board = try ReferenceBoard()
        defer { board.stop() }
        let host = try HostFolder()
        #expect(try board.uremote(["mount", host.url.path, "+", "exec", "import mod"]).status == 0)
        let after = try board.uremote(["exec", "import os; print(os.getcwd(), 'remote' in os.listdir('/'))"])
        #expect(after.stdout == "/ False\n", "\(after.stderr)")
    }

    @Test func softResetInTheChainRemountsAndSaysSo() throws {
        let board = try ReferenceBoard()
        defer { board.stop() }
        let host = try HostFolder()
        let outcome = try board.uremote(["mount", host.url.path, "+", "exec", "x = 1", "+", "soft-reset", "+",
                                         "exec", "import mod, os; print(mod.f(), os.getcwd(), 'x' in globals())"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("42 /remote False\n"), "\(outcome.stdout)")
        #expect(outcome.stderr.contains("remounted"), "\(outcome.stderr)")
    }

    @Test func umountEndsTheMount() throws {
        let board = try ReferenceBoard()
        defer { board.stop() }
        let host = try HostFolder()
        let outcome = try board.uremote(["mount", host.url.path, "+", "umount", "+", "exec", "import mod"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("ImportError"), "\(outcome.stderr)")
    }

    @Test func replSeesTheMount() throws {
        let board = try ReferenceBoard()
        defer { board.stop() }
        let host = try HostFolder()
        // Piped input is all typed ahead: the second line reaches the board while `import mod`
        // is still asking the host for files, and must not be lost (mpremote loses it).
        let outcome = try board.uremote(["mount", host.url.path, "+", "repl"],
                                        input: "import mod\rprint(mod.f() + 1)\rprint('\\x18 done')\r")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("43"), "\(outcome.stdout)")
        #expect(outcome.stdout.contains("\u{18} done"), "\(outcome.stdout)")
    }

    @Test func ctrlDInTheReplRemountsAndSaysSo() throws {
        let board = try ReferenceBoard()
        defer { board.stop() }
        let host = try HostFolder()
        let outcome = try board.uremote(["mount", host.url.path, "+", "repl"], input: "\u{04}")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("soft reboot"), "\(outcome.stdout)")
        #expect(outcome.stdout.contains("at /remote after soft reset"), "\(outcome.stdout)")
        let after = try board.uremote(["exec", "import os; print(os.getcwd())"])
        #expect(after.stdout == "/\n", "unmounted at exit: \(after.stdout) \(after.stderr)")
    }

    @Test func printingControlBytesAndTheMountMagicRunsNormally() throws {
        let board = try ReferenceBoard()
        defer { board.stop() }
        let host = try HostFolder()
        let code = "import sys; sys.stdout.buffer.write(b'<\\x18\\x18\\xa7>'); import mod; print(mod.f())"
        let outcome = try board.uremote(["mount", host.url.path, "+", "exec", code])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        // Piped, uremote's own notice follows the board's output (mpremote's buffered order).
        let notice = "Local directory \(host.url.path) is mounted at /remote\n"
        let bytes = Array(outcome.stdout.utf8)
        #expect(outcome.stdout.hasSuffix(">42\n" + notice), "\(outcome.stdout.debugDescription)")
        // \x18 is ASCII; 0xA7 alone is not UTF-8, so the text decoder shows it as U+FFFD.
        #expect(bytes.starts(with: [0x3C, 0x18, 0x18]), "\(outcome.stdout.debugDescription)")
    }

    @Test func aSecondMountReplacesTheFirst() throws {
        let board = try ReferenceBoard()
        defer { board.stop() }
        let first = try HostFolder(), second = try HostFolder()
        try second.put("mod.py", "def f():\n    return 'second'\n")
        let outcome = try board.uremote(["mount", first.url.path, "+", "mount", second.url.path, "+",
                                         "exec", "import mod; print(mod.f())"], timeout: 10)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("second\n"), "\(outcome.stdout)")
        #expect(outcome.seconds < 5, "no request may wait for a timeout")
    }

    @Test func aMissingFolderIsAOneLineError() throws {
        let board = try ReferenceBoard()
        defer { board.stop() }
        let outcome = try board.uremote(["mount", "/no/such/folder", "+", "exec", "print(1)"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "uremote: mount: '/no/such/folder' is not a folder on this computer\n")
    }
}
