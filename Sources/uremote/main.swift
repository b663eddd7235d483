import Foundation

// A closed stdout pipe ends output quietly instead of killing the process mid-chain.
signal(SIGPIPE, SIG_IGN)
exit(CommandRunner.run(Array(CommandLine.arguments.dropFirst())))
