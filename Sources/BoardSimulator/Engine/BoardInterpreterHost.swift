import PythonInterpreter

/// The interpreter's view of the board: print output on the console with board line ends,
/// stdin from the console's receive buffer, and the flash as its filesystem.
final class BoardInterpreterHost: InterpreterHost, @unchecked Sendable {
    private let services: BoardServices
    /// The flash with the board's mount table and read-only switch.
    let boardFiles: BoardFileSystem
    var fileSystem: FileSystem { boardFiles }

    init(services: BoardServices, fileSystem: BoardFileSystem) {
        self.services = services
        self.boardFiles = fileSystem
    }

    func writeStdout(_ bytes: [UInt8]) {
        services.writeOutput(bytes)
    }

    /// A board has one console: errors go where output goes, as MicroPython's print_exception does.
    func writeStderr(_ bytes: [UInt8]) {
        services.writeOutput(bytes)
    }

    func readStdin(maxCount: Int) -> [UInt8]? {
        services.readInput(maxCount: maxCount)
    }

    func stdinHasData() -> Bool {
        services.inputReady
    }
}
