import Testing
import URemoteKit

@Suite("Command grammar")
struct GrammarTests {
    @Test func chainsWithAndWithoutPlus() throws {
        #expect(try TestGrammar.explain(["exec", "x=5", "+", "eval", "x"]) == ["exec x=5", "eval x"])
        #expect(try TestGrammar.explain(["exec", "x=5", "eval", "x"]) == ["exec x=5", "eval x"])
        #expect(try TestGrammar.explain(["+", "soft-reset", "+", "+", "repl"]) == ["soft-reset", "repl"])
    }

    @Test func fixedArityCommandEndsAfterItsArguments() throws {
        // `eval` takes exactly one word even when the next word is also a command name.
        #expect(try TestGrammar.explain(["eval", "exec", "exec", "1"]) == ["eval exec", "exec 1"])
    }

    @Test func variadicCommandTakesEverythingUpToPlus() throws {
        #expect(try TestGrammar.explain(["cp", "a.py", "b.py", ":", "+", "exec", "1"]) == ["fs cp a.py|b.py|:", "exec 1"])
        #expect(try TestGrammar.explain(["cp", "a.py", "exec", "1"]) == ["fs cp a.py|exec|1"])
        #expect(try TestGrammar.explain(["ls"]) == ["fs ls"])
        #expect(try TestGrammar.explain(["ls", "+", "ls", ":lib"]) == ["fs ls", "fs ls :lib"])
    }

    @Test func remotePathsAreOrdinaryWords() throws {
        #expect(try TestGrammar.explain(["fs", "cp", ":main.py", "."]) == ["fs cp :main.py|."])
        #expect(try TestGrammar.explain(["cp", ":", ":x"]) == ["fs cp :|:x"])
    }

    @Test func shortcutsExpand() throws {
        #expect(try TestGrammar.explain(["a0", "exec", "1"]) == ["connect /dev/ttyACM0", "exec 1"])
        #expect(try TestGrammar.explain(["devs"]) == ["connect list"])
        #expect(try TestGrammar.explain(["sim", "eval", "1"]) == ["connect sim", "eval 1"])
    }

    @Test func groupWordPrefersItsSubcommandOverAShortcut() throws {
        #expect(try TestGrammar.explain(["sim", "serve", "--link", "/tmp/b"]) == ["sim serve link=/tmp/b"])
    }

    @Test func optionsBetweenGroupAndSubcommandBelongToTheSubcommand() throws {
        #expect(try TestGrammar.explain(["fs", "-r", "cp", "src", ":"]) == ["fs cp recursive=true src|:"])
    }

    @Test func optionForms() throws {
        #expect(try TestGrammar.explain(["exec", "--no-follow", "x"]) == ["exec follow=false x"])
        #expect(try TestGrammar.explain(["exec", "x", "--no-follow"]) == ["exec follow=false x"])
        #expect(try TestGrammar.explain(["repl", "--capture=log.txt", "-e"]) == ["repl escape-non-printable=true capture=log.txt"])
        #expect(try TestGrammar.explain(["repl", "--capture", "log.txt"]) == ["repl capture=log.txt"])
        #expect(try TestGrammar.explain(["cp", "-rf", "a", ":"]) == ["fs cp force=true recursive=true a|:"])
        #expect(try TestGrammar.explain(["sync", "--exclude", "a", "--exclude=b"]) == ["sync exclude=a,b"])
        #expect(try TestGrammar.explain(["connect", "--baud", "9600", "/dev/x"]) == ["connect baud=9600 /dev/x"])
    }

    @Test func defaultsComeFromTheSpec() throws {
        let parsed = try TestGrammar.grammar.parse(["exec", "1"])
        #expect(parsed[0].flag("follow") == true)
        #expect(parsed[0].flag("missing") == false)
        #expect(parsed[0].value("nothing") == nil)
    }

    @Test func valuesThatLookNumericAreNotOptions() throws {
        #expect(try TestGrammar.explain(["eval", "-1"]) == ["eval -1"])
    }

    @Test func optionalPositional() throws {
        #expect(try TestGrammar.explain(["help"]) == ["help"])
        #expect(try TestGrammar.explain(["help", "exec"]) == ["help exec"])
    }

    @Test func helpFlagIsRecorded() throws {
        let parsed = try TestGrammar.grammar.parse(["exec", "--help"])
        #expect(parsed[0].wantsHelp)
        #expect(try TestGrammar.grammar.parse(["repl", "-h"])[0].wantsHelp)
    }

    @Test func badInputGivesOneLineMessages() {
        let cases: [([String], String)] = [
            (["frobnicate"], "'frobnicate' is not a command"),
            (["exec"], "exec: missing CODE"),
            (["exec", "+", "eval", "1"], "exec: missing CODE"),
            (["exec", "--bogus", "1"], "exec: unknown option '--bogus'"),
            (["cp", "-z", "a"], "fs cp: unknown option '-z'"),
            (["repl", "--capture"], "repl: option '--capture' needs a value"),
            (["exec", "--follow=yes", "1"], "exec: option '--follow' takes no value"),
            (["fs", "frob", "x"], "'fs frob' is not a command"),
            (["fs"], "'fs' needs a subcommand"),
            (["loop"], "expands into itself"),
            (["--weird"], "is not a command or an option"),
        ]
        for (words, expected) in cases {
            let message = TestGrammar.error(words)
            #expect(message?.contains(expected) == true, "\(words) gave \(message ?? "no error")")
            #expect(message?.contains("\n") == false)
        }
    }

    @Test func usageIsDerivedFromTheSpec() {
        let exec = TestGrammar.grammar.command(named: "exec")
        #expect(exec?.usage == "exec [-f|--follow|--no-follow] CODE")
        #expect(TestGrammar.grammar.command(named: "cp")?.name == "fs cp")
        #expect(TestGrammar.grammar.groups == ["fs", "sim"])
    }
}
