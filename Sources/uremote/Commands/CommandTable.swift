import BoardSimulator
import URemoteKit

/// Every command and shortcut of uremote: the single source of truth for parsing, `help`,
/// completions and the man page. Add a command here with one line.
enum CommandTable {
    static let commands: [any CLICommand.Type] = [
        ConnectCommand.self,
        DisconnectCommand.self,
        ResumeCommand.self,
        SoftResetCommand.self,
        ResetCommand.self,
        BootloaderCommand.self,
        ExecCommand.self,
        EvalCommand.self,
        RunCommand.self,
        ReplCommand.self,
        MountCommand.self,
        UnmountCommand.self,
        SleepCommand.self,
        RtcCommand.self,
        SimServeCommand.self,
        VersionCommand.self,
        HelpCommand.self,
        FsLsCommand.self,
        FsCatCommand.self,
        FsCpCommand.self,
        FsRmCommand.self,
        FsMkdirCommand.self,
        FsRmdirCommand.self,
        FsTouchCommand.self,
        FsTreeCommand.self,
        FsSha256sumCommand.self,
        FsSha1sumCommand.self,
        FsMd5sumCommand.self,
        FsDfCommand.self,
        FsEditCommand.self,
        SyncCommand.self,
        WatchCommand.self,
        MipInstallCommand.self,
        MipDownloadCommand.self,
        SimRunCommand.self,
    ]

    /// Words that stand for longer command lines, as in mpremote.
    static let shortcuts: [ShortcutSpec] = {
        var list = [ShortcutSpec("devs", expandsTo: ["connect", "list"], summary: "list the serial ports and boards attached")]
        for (prefix, base) in [("a", "/dev/ttyACM"), ("u", "/dev/ttyUSB"), ("c", "COM")] {
            for number in 0..<4 {
                list.append(ShortcutSpec("\(prefix)\(number)", expandsTo: ["connect", "\(prefix)\(number)"],
                                         summary: "connect to serial port \(base)\(number)"))
            }
        }
        list.append(ShortcutSpec("sim", expandsTo: ["connect", "sim"], summary: "connect to the built-in simulated board"))
        list.append(ShortcutSpec("--help", expandsTo: ["help"], summary: "same as help"))
        list.append(ShortcutSpec("--version", expandsTo: ["version"], summary: "same as version"))
        return list
    }()

    /// Registrations of `SCHEME:` devices (`sim`, `sim:NAME`), e.g. `{ SimulatorLinkScheme.register(...) }`.
    /// They run once, just before the first connection, so `uremote version` never pays for them.
    static let deviceSchemes: [@Sendable () -> Void] = [{ SimulatorLinkScheme.register() }]

    static let grammar = CommandGrammar(commands: commands.map { $0.spec }, shortcuts: shortcuts)

    static func handler(for spec: CommandSpec) -> (any CLICommand.Type)? {
        commands.first { $0.spec.name == spec.name }
    }
}
