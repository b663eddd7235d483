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
                // mpremote's closing word; the Installing:/Exists: lines above say what happened.
                _ = outcome
                if !context.quiet { context.output.line("Done") }
            }
        }
    }
}

/// `mip download PACKAGE...`: what `mip install` would put on a board, written to a folder on
/// this computer instead (to vendor packages, or to inspect them); no board is needed.
enum MipDownloadCommand: CLICommand {
    static let spec = CommandSpec(
        ["mip", "download"], summary: "download packages into a folder on this computer",
        details: """
            Resolves PACKAGE as `mip install` does (name[@version], github:, gitlab:, a URL, a local \
            package.json or file), checks every file against the index's SHA-256 and writes the files \
            under --target (default: lib), each atomically. .py sources are fetched unless --mpy \
            names the .mpy version to fetch from the index.
            """,
        options: [
            .value("index", placeholder: "URL", summary: "the package index (default: micropython.org's)"),
            .value("target", placeholder: "DIR", summary: "the folder to write into (default: lib)"),
            .value("mpy", placeholder: "VERSION", summary: "fetch compiled .mpy files of this version from the index"),
        ],
        positionals: [PositionalSpec("PACKAGE", arity: .oneOrMore, summary: "what to download")])

    static func run(_ command: ParsedCommand, in context: CommandContext) throws {
        context.markActed()
        let installer = PackageInstaller(index: command.value("index") ?? PackageInstaller.defaultIndex)
        let target = command.value("target") ?? "lib"
        var mpy: Int?
        if let given = command.value("mpy") {
            guard let value = Int(given), value > 0 else {
                throw CommandFailure.usage("mip download: --mpy takes the .mpy version number (such as 6)")
            }
            mpy = value
        }
        for package in command.arguments("PACKAGE") {
            if !context.quiet { context.output.line("Install \(package)") }
            let files: [PackageInstaller.File]
            do {
                files = try installer.resolve(package, mpy: mpy)
            } catch let error as BoardFileError {
                throw CommandFailure(error.description)
            }
            for file in files {
                let path = (target as NSString).appendingPathComponent(file.path)
                if !context.quiet { context.output.line("Installing: \(path)") }
                do {
                    try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                            withIntermediateDirectories: true)
                    try Data(file.data).write(to: URL(fileURLWithPath: path), options: .atomic)
                } catch {
                    throw CommandFailure("mip download: cannot write \(path): \(FileErrors.reason(error))")
                }
            }
            if !context.quiet { context.output.line("Done") }
        }
    }
}
