import Foundation
import Testing

/// The committed completions and man page must match what the command table generates.
@Suite("Generated docs are fresh")
struct GeneratedFilesTests {
    static let files: [(kind: String, path: String)] = [
        ("completion-bash", "Completions/uremote.bash"),
        ("completion-zsh", "Completions/_uremote"),
        ("completion-fish", "Completions/uremote.fish"),
        ("man", "man/uremote.1"),
    ]

    @Test(arguments: files.map(\.kind))
    func committedFileMatchesTheTable(_ kind: String) throws {
        let path = try #require(Self.files.first { $0.kind == kind }?.path)
        let outcome = try Uremote.run(["--generate", kind])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let committed = try? String(contentsOf: Uremote.packageRoot.appendingPathComponent(path), encoding: .utf8)
        #expect(committed == outcome.stdout,
                "\(path) is stale or missing; regenerate with: swift build --product uremote && .build/debug/uremote --generate all .")
    }

    @Test func manPageHasTheRequiredSections() throws {
        let page = try Uremote.run(["--generate", "man"]).stdout
        for section in ["NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", "DEVICES", "ENVIRONMENT", "EXIT STATUS", "EXAMPLES", "SEE ALSO"] {
            #expect(page.contains(".SH \(section)"), "man page lacks \(section)")
        }
    }

    /// bash must accept the script and complete as intended: a broken script would spoil the
    /// user's shell. (zsh and fish are not installed by scripts/install-deps, so only bash runs here.)
    @Test(arguments: [
        (["exec", "--n"], "--no-follow"),
        (["ex"], "exec"),
        (["connect", "au"], "auto"),
        (["exec", "x=1", "+", "rep"], "repl"),
        (["exec", "x=1", "ev"], "eval"),
        (["repl", "--esc"], "--escape-non-printable"),
        (["dev"], "devs"),
    ])
    func bashCompletes(_ words: [String], _ expected: String) throws {
        let script = try Uremote.run(["--generate", "completion-bash"]).stdout
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("uremote-completion-\(getpid())-\(UUID().uuidString).bash")
        try Data(script.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let bash = try #require(["/bin/bash", "/usr/bin/bash"].first { FileManager.default.isExecutableFile(atPath: $0) },
                                "bash is needed to check the completion script")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: bash)
        let line = (["uremote"] + words).map { "'\($0)'" }.joined(separator: " ")
        process.arguments = ["-c", "source \(file.path); COMP_WORDS=(\(line)); COMP_CWORD=\(words.count); _uremote; printf '%s\\n' \"${COMPREPLY[@]}\""]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "bash rejects the script: \(message)")
        #expect(message.isEmpty, "\(message)")
        #expect(printed.split(separator: "\n").map(String.init) == [expected], "completing \(words) gave \(printed)")
    }
}
