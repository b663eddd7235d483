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

    /// The rest of the line `input()` is consuming.
    private var pendingLine: [UInt8] = []

    /// Only `input()` reads through the host (sys.stdin is the board's own raw stream), so this
    /// reads a whole edited, echoed line, as MicroPython's input() does with readline.
    func readStdin(maxCount: Int) -> [UInt8]? {
        if pendingLine.isEmpty {
            switch services.readEditedLine() {
            case .line(let line): pendingLine = line + [0x0A]
            case .interrupted: return []
            case .endOfInput: return nil
            }
        }
        let count = min(max(1, maxCount), pendingLine.count)
        defer { pendingLine.removeFirst(count) }
        return Array(pendingLine[0..<count])
    }

    /// A reset abandons a half-consumed input() line.
    func forgetPendingInput() {
        pendingLine = []
    }

    func stdinHasData() -> Bool {
        services.inputReady
    }
}
