import BoardSimulator
import Foundation

// A closed stdout pipe ends output quietly instead of killing the process mid-chain.
signal(SIGPIPE, SIG_IGN)
// `sim`, `sim:NAME` and `sim:PATH` open the built-in simulated board like any port.
SimulatorLinkScheme.register()
exit(CommandRunner.run(Array(CommandLine.arguments.dropFirst())))
