import Foundation
import Testing

/// The real command table and the executable's behaviour without a board.
@Suite("uremote command line")
struct CommandLineTests {
    @Test func versionPrintsAndExits() throws {
        let outcome = try Uremote.run(["version"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout == "uremote 0.1.0\n")
        #expect(try Uremote.run(["--version"]).stdout == "uremote 0.1.0\n")
    }

    @Test func realTableParsesMpremoteCommandLines() throws {
        let cases: [([String], String)] = [
            (["exec", "x=5", "+", "eval", "x"], "exec CODE=[\"x=5\"]\neval EXPRESSION=[\"x\"]\n"),
            (["exec", "x=5", "eval", "x"], "exec CODE=[\"x=5\"]\neval EXPRESSION=[\"x\"]\n"),
            (["a0", "exec", "--no-follow", "1"], "connect DEVICE=[\"a0\"]\nexec follow=false CODE=[\"1\"]\n"),
            (["devs"], "connect DEVICE=[\"list\"]\n"),
            (["connect", "sim", "run", "t.py", "+", "repl", "--capture", "log"],
             "connect DEVICE=[\"sim\"]\nrun FILE=[\"t.py\"]\nrepl capture=[\"log\"]\n"),
            (["resume", "soft-reset", "sleep", "0.5", "reset"], "resume\nsoft-reset\nsleep SECONDS=[\"0.5\"]\nreset\n"),
        ]
        for (words, expected) in cases {
            let outcome = try Uremote.run(["--explain"] + words)
            #expect(outcome.status == 0, "\(words): \(outcome.stderr)")
            #expect(outcome.stdout == expected, "\(words)")
        }
    }

    @Test func usageErrorsExitTwoWithOneLine() throws {
        let cases: [[String]] = [["frobnicate"], ["exec"], ["exec", "--bogus", "1"], ["sleep", "soon"], ["repl", "--capture"]]
        for words in cases {
            let outcome = try Uremote.run(words)
            #expect(outcome.status == 2, "\(words): \(outcome.status) \(outcome.stderr)")
            #expect(outcome.stderr.hasPrefix("uremote: "), "\(words)")
            #expect(outcome.stderr.filter { $0 == "\n" }.count == 1, "\(words): \(outcome.stderr)")
            #expect(outcome.stdout.isEmpty)
        }
    }

    @Test func missingPortIsOneLineRuntimeError() throws {
        let outcome = try Uremote.run(["connect", "/dev/uremote-no-such-port", "exec", "1"], timeout: 10)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.hasPrefix("uremote: "))
        #expect(outcome.stderr.filter { $0 == "\n" }.count == 1, "\(outcome.stderr)")
        #expect(outcome.seconds < 5)
    }

    @Test func runOfMissingFileFailsBeforeTouchingTheBoard() throws {
        // The default device does not exist either: the file error must come first.
        let outcome = try Uremote.run(["run", "/nonexistent/uremote-test.py"], environment: ["UREMOTE_DEVICE": "/dev/uremote-absent"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "uremote: run: cannot read '/nonexistent/uremote-test.py': No such file or directory\n")
    }

    @Test func helpListsEveryCommand() throws {
        let outcome = try Uremote.run(["help"])
        #expect(outcome.status == 0)
        for command in ["connect", "disconnect", "resume", "soft-reset", "reset", "bootloader", "exec", "eval", "run", "repl", "sleep", "version", "devs", "a0"] {
            #expect(outcome.stdout.contains("  \(command) "), "help lacks \(command)")
        }
        let exec = try Uremote.run(["exec", "--help"])
        #expect(exec.status == 0)
        #expect(exec.stdout.contains("--no-follow"))
    }

    @Test func devsListsPortsInMpremoteColumnsWithoutARepl() throws {
        let outcome = try Uremote.run(["devs"], timeout: 10)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        for line in outcome.stdout.split(separator: "\n") {
            let fields = line.split(separator: " ")
            #expect(fields.count >= 5, "\(line)")
            #expect(fields.count >= 3 && fields[2].count == 9 && fields[2].contains(":"), "VID:PID column in \(line)")
        }
        #expect(!outcome.stdout.contains("Connected to"), "devs acted, so no implicit repl follows")
    }

    @Test func noArgumentsMeansReplOnTheDefaultDevice() throws {
        let outcome = try Uremote.run([], environment: ["UREMOTE_DEVICE": "/dev/uremote-absent"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.hasPrefix("uremote: /dev/uremote-absent"), "\(outcome.stderr)")
    }

    @Test func noDeviceNamesWhatToTry() throws {
        // A device that cannot exist keeps this independent of the machine's ports.
        let outcome = try Uremote.run(["eval", "1"], environment: ["UREMOTE_DEVICE": "/dev/uremote-absent"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("uremote devs"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("connect sim"))
    }
}
