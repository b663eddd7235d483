import Foundation

// A closed stdout pipe ends output quietly instead of killing the process mid-chain.
signal(SIGPIPE, SIG_IGN)
let status = CommandRunner.run(Array(CommandLine.arguments.dropFirst()))
ConsoleOutput.standardOutput.releaseHeldText()
exit(status)
