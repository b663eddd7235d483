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
    ///
    /// The argument is a board name or folder, optionally followed by `?` and `&`-separated
    /// settings, so tests can reach every kind of board in-process:
    /// `sim:lab?personality=circuitpython&capacity=65536&faults=drop=0.01,seed=3`.
    public static func open(argument: String, options: LinkOptions,
                            engineFactory: @escaping SimulatedBoard.EngineFactory) throws(LinkError) -> ByteLink {
        let (location, settings) = split(argument)
        let flash: FlashFolder
        do {
            flash = try FlashFolder.resolve(simArgument: location)
        } catch {
            throw .notFound(error.message)
        }
        var configuration = BoardConfiguration(
            flashFolder: flash.path,
            baudRate: options.baudRate == unpacedBaudRate ? nil : options.baudRate)
        try apply(settings, to: &configuration, device: argument)
        let name = argument.isEmpty ? "sim" : "sim:\(argument)"
        let pair = InMemoryLink.makePair(name: name)
        let board = SimulatedBoard(configuration: configuration, engineFactory: engineFactory)
        board.start(link: pair.board)
        return pair.host
    }

    private static func split(_ argument: String) -> (String, [(String, String)]) {
        guard let mark = argument.firstIndex(of: "?") else { return (argument, []) }
        let settings = argument[argument.index(after: mark)...].split(separator: "&").map { item -> (String, String) in
            let parts = item.split(separator: "=", maxSplits: 1)
            return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
        }
        return (String(argument[..<mark]), settings)
    }

    private static func apply(_ settings: [(String, String)], to configuration: inout BoardConfiguration,
                              device: String) throws(LinkError) {
        for (key, value) in settings {
            switch key {
            case "personality":
                guard let personality = BoardPersonality(rawValue: value) else {
                    throw .notFound("sim:\(device): personality must be micropython or circuitpython")
                }
                configuration.personality = personality
            case "capacity":
                guard let bytes = Int(value), bytes > 0 else {
                    throw .notFound("sim:\(device): capacity must be a positive number of bytes")
                }
                configuration.flashCapacity = bytes
            case "faults":
                do {
                    configuration.faults = try FaultInjection.parse(value)
                } catch {
                    throw .notFound("sim:\(device): \(error.description)")
                }
            default:
                throw .notFound("sim:\(device): unknown setting '\(key)' (personality, capacity or faults)")
            }
        }
    }
}
