/// A link over a pseudo-terminal: the board simulator's `sim serve`, the reference-board harness,
/// socat, or any program that offers a pty.
///
/// libserialport refuses ptys (it cannot find them by name and fails on their missing modem
/// lines), so `DeviceResolver` picks this link for them automatically.
public final class PseudoTerminalLink: ByteLink, @unchecked Sendable {
    public let name: String
    private let channel: FileDescriptorChannel

    /// Opens the pty at `path` in raw mode with exclusive access. DTR/RTS requests are passed on
    /// and their failure ignored, since a pty has no modem lines.
    public init(path: String, options: LinkOptions = .init(), name: String? = nil) throws(LinkError) {
        let fd = try TerminalDevice.openExclusive(path)
        do {
            try TerminalDevice.makeRaw(fd, baudRate: options.baudRate, path: path)
        } catch {
            _ = posixClose(fd)
            throw error
        }
        TerminalDevice.setModemLines(fd, dtr: options.dtr, rts: options.rts)
        self.name = name ?? path
        self.channel = FileDescriptorChannel(descriptor: fd, name: name ?? path)
    }

    public func write(_ bytes: [UInt8]) throws(LinkError) {
        try channel.write(bytes)
    }

    public func read(maxCount: Int, timeout: Duration) throws(LinkError) -> [UInt8] {
        try channel.read(maxCount: maxCount, timeout: timeout)
    }

    public func close() {
        channel.close()
    }

    deinit {
        channel.close()
    }
}
