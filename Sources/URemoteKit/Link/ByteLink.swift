/// A two-way byte stream to a board: a serial port, a pseudo-terminal, an in-process simulator
/// or a network socket.
///
/// Everything above this protocol (raw REPL, file transfer, mount) is written once against it, so
/// a simulated board is driven by exactly the code that drives real hardware. The API is blocking on
/// purpose: a command-line session talks to one board at a time and wants predictable latency, not
/// an event loop.
public protocol ByteLink: AnyObject, Sendable {
    /// How the user named the board, for messages ("/dev/ttyACM0", "sim:default").
    var name: String { get }

    /// Sends all of `bytes`, blocking until the link has accepted them.
    func write(_ bytes: [UInt8]) throws(LinkError)

    /// Returns between 1 and `maxCount` bytes as soon as any are available, or an empty array
    /// when `timeout` passes first. Throws `LinkError.closed` once the other side has gone.
    func read(maxCount: Int, timeout: Duration) throws(LinkError) -> [UInt8]

    /// Releases the transport. Safe to call more than once.
    func close()
}

/// Why a link could not carry bytes; every case carries text fit for a one-line error.
public enum LinkError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The board or the other end went away (unplugged, process exited, simulator stopped).
    case closed(String)
    /// The port exists but another program holds it.
    case busy(String)
    /// There is no such port or board.
    case notFound(String)
    /// The operating system refused an operation on the port.
    case io(String)

    public var description: String {
        switch self {
        case .closed(let m), .busy(let m), .notFound(let m), .io(let m): return m
        }
    }
}
