import Foundation

/// Serves one simulated board on a pseudo-terminal for other programs (mpremote, Thonny, a
/// second uremote), keeping the board powered and its RAM intact across client connections.
public final class PseudoTerminalServer: @unchecked Sendable {
    public let board: SimulatedBoard
    private let linkPath: String?
    private var terminal: PseudoTerminal?

    /// `linkPath`, when given, becomes a symlink to the pty so scripts can use a stable name.
    public init(board: SimulatedBoard, linkPath: String?) {
        self.board = board
        self.linkPath = linkPath
    }

    /// Allocates the pty, powers the board up and returns the path clients open.
    public func start() throws(PseudoTerminalServerError) -> String {
        let terminal: PseudoTerminal
        do {
            terminal = try PseudoTerminal.open()
        } catch {
            throw PseudoTerminalServerError(message: "cannot create a pseudo-terminal: \(error)")
        }
        self.terminal = terminal
        if let linkPath {
            do {
                try Self.placeSymlink(at: linkPath, to: terminal.slavePath)
            } catch {
                terminal.close()
                throw error
            }
        }
        board.start(link: PseudoTerminalBoardPort(terminal: terminal))
        return terminal.slavePath
    }

    /// Stops the board, removes the symlink and frees the pty.
    public func stop() {
        board.stop()
        board.waitUntilStopped(timeout: .seconds(2))
        if let linkPath, let target = try? FileManager.default.destinationOfSymbolicLink(atPath: linkPath),
           target == terminal?.slavePath {
            try? FileManager.default.removeItem(atPath: linkPath)
        }
        terminal?.close()
        terminal = nil
    }

    private static func placeSymlink(at path: String, to target: String) throws(PseudoTerminalServerError) {
        let manager = FileManager.default
        if (try? manager.destinationOfSymbolicLink(atPath: path)) != nil {
            try? manager.removeItem(atPath: path)
        } else if manager.fileExists(atPath: path) {
            throw PseudoTerminalServerError(message:
                "--link \(path): a file already exists there and is not a symlink; pick another path")
        }
        do {
            try manager.createSymbolicLink(atPath: path, withDestinationPath: target)
        } catch {
            throw PseudoTerminalServerError(message: "--link \(path): cannot create the symlink (\(error.localizedDescription))")
        }
    }
}

/// A one-line reason why `sim serve` could not start.
public struct PseudoTerminalServerError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public var description: String { message }
}
