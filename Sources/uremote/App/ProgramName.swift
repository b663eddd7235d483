import Foundation

/// The name error lines start with: `uremote`, or `mpremote` when uremote is installed under
/// that name (a symlink) to stand in for it, so scripts that match mpremote's messages
/// (`mpremote: cp: ...`) keep working unchanged.
enum ProgramName {
    static let current: String = {
        let invoked = (CommandLine.arguments.first.map { ($0 as NSString).lastPathComponent }) ?? ""
        return invoked == "mpremote" ? "mpremote" : "uremote"
    }()
}
