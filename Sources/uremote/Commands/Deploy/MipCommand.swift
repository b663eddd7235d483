import Foundation
import URemoteKit

/// `mip install PACKAGE...`, as mpremote's.
enum MipInstallCommand: CLICommand {
    static let spec = CommandSpec(
        ["mip", "install"], summary: "install packages from micropython-lib, GitHub, GitLab, a URL or a file",
        details: """
            PACKAGE is name[@version] from the index (--index, default \(PackageInstaller.defaultIndex)), \
            github:org/repo[/path][@ref], gitlab:org/repo[/path][@ref], an http(s) URL of a .py/.mpy \
            file or package.json, or a local package.json or file. Files go under --target (default: \
            the board's lib folder from sys.path). Every file is downloaded and checked against the \
            index's SHA-256 before the board is touched; files already on the board with the same \
            hash are skipped; if writing fails, the files and folders the install created are removed.
            """,
        options: [
            .value("index", placeholder: "URL", summary: "the package index (default: micropython.org's)"),
            .value("target", placeholder: "PATH", summary: "the board folder to install into (default: the lib folder in sys.path)"),
            .toggle("mpy", default: true, summary: "download compiled .mpy for the board's version (default); --no-mpy for .py sources"),
        ],
        positionals: [PositionalSpec("PACKAGE", arity: .oneOrMore, summary: "what to install")])

    static func run(_ command: ParsedCommand, in context: CommandContext) throws {
        let installer = PackageInstaller(index: command.value("index") ?? PackageInstaller.defaultIndex,
                                         note: { [quiet = context.quiet, output = context.output] in if !quiet { output.line($0) } })
        try FileSystemSupport.run(context) {
            let session = try context.rawSession()
            let target: String
            if let given = command.value("target") {
                target = RemotePath.stripTrailingSlashes(FileSystemSupport.boardPath(given))
            } else {
                let paths = try session.evaluate("[p for p in __import__('sys').path if p.endswith('/lib') and not p.startswith('/rom')]")
                guard let first = paths.split(separator: "'").dropFirst().first.map(String.init), !first.isEmpty else {
                    throw CommandFailure("mip: no lib folder in the board's sys.path; use --target PATH")
                }
                target = first
            }
            var mpy: Int?
            if command.flag("mpy") {
                let value = Int(try session.evaluate("getattr(__import__('sys').implementation,'_mpy',0)&0xFF")) ?? 0
                mpy = value > 0 ? value : nil
            }
            let fs = try FileSystemSupport.fileSystem(context)
            for package in command.arguments("PACKAGE") {
                if !context.quiet { context.output.line("Install \(package)") }
                let files = try installer.resolve(package, mpy: mpy)
                let outcome = try installer.install(files, target: target, fileSystem: fs)
                if !context.quiet {
                    context.output.line("Done: \(outcome.installed.count) installed, \(outcome.existing.count) already present")
                }
            }
        }
    }
}
