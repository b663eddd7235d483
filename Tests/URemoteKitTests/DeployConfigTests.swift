import Foundation
import Testing
@testable import URemoteKit

/// Config files: TOML subset, mpremote's config.py read as data, precedence, alias expansion.
@Suite struct DeployConfigTests {
    func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("uremote-cfg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func write(_ text: String, _ url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    @Test func tomlSubset() throws {
        let doc = try TOMLReader.parse("""
            # comment
            device = "a0"  # trailing
            count = 1_000
            on = true
            [aliases]
            deploy = 'sync --delete'
            list = ["a", "b\\tc"]
            "quoted key" = { command = "x", help = "h" }
            [a.b]
            c = -3
            """, file: "t.toml")
        #expect(doc["device"] == .string("a0"))
        #expect(doc["count"] == .integer(1000))
        #expect(doc["on"] == .boolean(true))
        #expect(doc["aliases"]?["deploy"] == .string("sync --delete"))
        #expect(doc["aliases"]?["list"] == .array([.string("a"), .string("b\tc")]))
        #expect(doc["aliases"]?["quoted key"]?["help"] == .string("h"))
        #expect(doc["a"]?["b"]?["c"] == .integer(-3))
    }

    @Test func tomlErrorsNameTheLine() {
        do {
            _ = try TOMLReader.parse("device = \"a0\"\nbad = [1, 2\n", file: "x.toml")
            Issue.record("should fail")
        } catch {
            #expect(error.line == 2 || error.line == 3)
            #expect(error.description.hasPrefix("x.toml:"))
        }
        #expect(throws: ConfigError.self) { try TOMLReader.parse("when = 2024-01-01\n", file: "x") }
    }

    @Test func mpremoteConfigIsReadWithoutRunningIt() throws {
        let text = """
            import os  # never executed
            print("side effect")
            commands = {
                "c33": "connect id:334D335C3138",
                "bl": "bootloader",
                'double x=4': {
                    "command": ["exec", "print(x*2)"],
                    "help": "multiply " "by two",
                },
                "multi": \"\"\"exec
            pass\"\"\",
            }
            """
        let commands = try MpremoteConfigReader.commands(in: text, file: "config.py")
        #expect(commands["c33"] == .string("connect id:334D335C3138"))
        #expect(commands["double x=4"]?["help"] == .string("multiply by two"))
        #expect(commands["multi"] == .string("exec\npass"))
        #expect(throws: ConfigError.self) {
            try MpremoteConfigReader.commands(in: "commands = {'a': os.getenv('X')}", file: "c.py")
        }
        #expect(try MpremoteConfigReader.commands(in: "x = 1\n", file: "c.py") == .table([]))
    }

    @Test func precedenceAndUpwardSearch() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let xdg = root.appendingPathComponent("xdg")
        try write("commands = {'hello': 'exec print(1)', 'shared': 'version'}\n", xdg.appendingPathComponent("mpremote/config.py"))
        try write("device = \"/dev/ttyUSB9\"\n[aliases]\nshared = \"help\"\n", xdg.appendingPathComponent("uremote/config.toml"))
        try write("device = \"sim\"\n[aliases]\nup = \"sync --delete\"\n", root.appendingPathComponent("proj/.uremote.toml"))
        try write("[aliases]\nup = \"sync sub\"\n", root.appendingPathComponent("proj/sub/.uremote.toml"))
        let deep = root.appendingPathComponent("proj/sub/deeper")
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)

        let env = ["XDG_CONFIG_HOME": xdg.path, "HOME": root.path]
        let config = try UremoteConfig.load(environment: env, directory: deep.path)
        #expect(config.defaultDevice == "sim", "the project's file wins over the user's")
        #expect(config.aliases.first { $0.name == "hello" }?.expansion == ["exec", "print(1)"])
        #expect(config.aliases.first { $0.name == "shared" }?.expansion == ["help"], "config.toml overrides config.py")
        #expect(config.aliases.first { $0.name == "up" }?.expansion == ["sync", "sub"], "the nearest .uremote.toml wins")

        let outside = try UremoteConfig.load(environment: env, directory: root.path)
        #expect(outside.defaultDevice == "/dev/ttyUSB9")
    }

    @Test func aliasExpansionWithParameters() throws {
        var config = UremoteConfig()
        config.aliases = [
            try CommandAlias(key: "deploy", value: .string("sync --delete + exec 'import main'"), source: "t"),
            try CommandAlias(key: "blink n=3 pin", value: .table([("command", .string("exec blink(n,pin)")), ("help", .string("h"))]), source: "t"),
            try CommandAlias(key: "to port", value: .array([.string("connect"), .string("{port}")]), source: "t"),
            try CommandAlias(key: "loop", value: .string("loop"), source: "t"),
        ]
        let grammar = CommandGrammar(commands: [
            CommandSpec(["exec"], summary: "", positionals: [PositionalSpec("CODE", summary: "")]),
            CommandSpec(["connect"], summary: "", positionals: [PositionalSpec("DEVICE", summary: "")]),
            CommandSpec(["sync"], summary: "", options: [.flag("delete", summary: "")],
                        positionals: [PositionalSpec("LOCAL", arity: .optional, summary: "")]),
            CommandSpec(["fs", "ls"], shortcuts: ["ls"], summary: "", positionals: [PositionalSpec("PATH", arity: .zeroOrMore, summary: "")]),
        ], shortcuts: [])
        func expand(_ words: [String]) throws(CommandLineError) -> [String] {
            try grammar.parseLine(words, aliases: config.aliasExpander).expandedWords
        }
        #expect(try expand(["deploy"]) == ["sync", "--delete", "+", "exec", "import main"])
        #expect(try expand(["blink", "5", "2", "+", "ls"]) == ["exec", "n=5;pin=2", "+", "exec", "blink(n,pin)", "+", "ls"])
        #expect(try expand(["blink", "pin=7"]) == ["exec", "n=3;pin=7", "+", "exec", "blink(n,pin)"])
        #expect(try expand(["to", "a1", "+", "deploy"]) == ["connect", "a1", "+", "sync", "--delete", "+", "exec", "import main"])
        #expect(try expand(["ls", "deploy"]) == ["ls", "deploy"], "a variadic command's words are its arguments")
        // Wherever a command may start, as in mpremote: after a command with a fixed number of
        // arguments, no `+` needed.
        #expect(try expand(["to", "a1", "deploy"]) == ["connect", "a1", "sync", "--delete", "+", "exec", "import main"])
        #expect(try expand(["exec", "x=1", "blink", "4", "1"]) == ["exec", "x=1", "exec", "n=4;pin=1", "+", "exec", "blink(n,pin)"])
        #expect(try grammar.parseLine(["to", "a1", "deploy"], aliases: config.aliasExpander).commands.map(\.name)
                == ["connect", "sync", "exec"])
        #expect(throws: CommandLineError.self) { try expand(["blink"]) }
        #expect(throws: CommandLineError.self) { try expand(["loop"]) }
        #expect(throws: CommandLineError.self) { try grammar.parse(["deploy"]) }
    }
}
