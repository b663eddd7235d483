import URemoteKit

/// Makes `sim`, `sim:NAME` and `sim:PATH` device names open an in-process simulated board.
///
/// The executable registers this once at start-up; from then on the CLI opens a simulator
/// exactly like a serial port and never learns the difference.
public enum SimulatorLinkScheme {
    /// `LinkOptions.baudRate` always has a value; the default one means "no pacing", so a plain
    /// `connect sim` is as fast as the host allows and `--baud N` opts into realism.
    public static let unpacedBaudRate = LinkOptions().baudRate

    /// Registers the `sim` scheme, powering up a fresh board for every link opened.
    public static func register(engineFactory: @escaping SimulatedBoard.EngineFactory) {
        LinkSchemes.register("sim") { argument, options throws(LinkError) in
            try open(argument: argument, options: options, engineFactory: engineFactory)
        }
    }

    /// Opens a board for the argument after `sim:` and returns the host's end of its link.
    public static func open(argument: String, options: LinkOptions,
                            engineFactory: @escaping SimulatedBoard.EngineFactory) throws(LinkError) -> ByteLink {
        let flash: FlashFolder
        do {
            flash = try FlashFolder.resolve(simArgument: argument)
        } catch {
            throw .notFound(error.message)
        }
        let configuration = BoardConfiguration(
            flashFolder: flash.path,
            baudRate: options.baudRate == unpacedBaudRate ? nil : options.baudRate)
        let name = argument.isEmpty ? "sim" : "sim:\(argument)"
        let pair = InMemoryLink.makePair(name: name)
        let board = SimulatedBoard(configuration: configuration, engineFactory: engineFactory)
        board.start(link: pair.board)
        return pair.host
    }
}
