import Foundation
import URemoteKit

/// `mount [-l|--unsafe-links] DIR`
enum MountCommand: CLICommand {
    static let spec = CommandSpec(
        ["mount"], summary: "make a folder on the computer appear on the board at /remote",
        details: "Mounts DIR at /remote on the board and makes it the working directory, so the board imports and runs code straight from the computer: `uremote mount . + run main.py`, `uremote mount src + repl`. The mount lasts for the rest of the chain; a soft reset remounts it. Files the board writes land in DIR (a file is replaced only when the board closes it). The board cannot reach outside DIR: `..`, and symlinks that point outside, fail with EPERM unless --unsafe-links is given.",
        options: [.flag("unsafe-links", short: "l", summary: "follow symlinks that point outside DIR")],
        positionals: [PositionalSpec("DIR", completion: .localPath, summary: "the folder on the computer")])

    static func run(_ command: ParsedCommand, in context: CommandContext) throws {
        let folder = command.argument("DIR") ?? "."
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CommandFailure("mount: '\(folder)' is not a folder on this computer")
        }
        var mountLink: MountLink?
        try context.wrapLink { link in
            let wrapped = (link as? MountLink) ?? MountLink(wrapping: link)
            mountLink = wrapped
            return wrapped
        }
        guard let mountLink else { throw CommandFailure("mount: could not attach to the board's link") }
        let errors = context.errors
        mountLink.onNotice = { message in
            errors.write(bytes: Array("uremote: \(message)\n".utf8))
            errors.finish()
        }
        let session = try context.rawSession()
        do {
            try mountLink.mount(folder: folder, allowsOutsideLinks: command.flag("unsafe-links"), through: session)
        } catch {
            throw CommandFailure("mount: \(error.description)")
        }
        context.onDisconnect { session in
            try? (session.link as? MountLink)?.unmount(through: session)
        }
        // mpremote's wording, on stdout as mpremote prints it, so scripts that read it keep working.
        context.output.line("Local directory \(folder) is mounted at \(MountWire.mountPoint)")
        context.markActed()
    }
}

/// `umount`
enum UnmountCommand: CLICommand {
    static let spec = CommandSpec(
        ["umount"], summary: "unmount the folder mounted with mount",
        details: "Unmounts /remote from the board and stops serving the folder; the board's working directory goes back to /. Without a mount it does nothing.")

    static func run(_ command: ParsedCommand, in context: CommandContext) throws {
        let session = try context.rawSession()
        try (session.link as? MountLink)?.unmount(through: session)
        context.markActed()
    }
}
