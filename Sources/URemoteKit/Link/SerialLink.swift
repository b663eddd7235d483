#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CLibSerialPort
import Foundation

/// A real serial port (USB CDC, USB-UART bridge, built-in UART) opened through libserialport.
///
/// libserialport does the per-OS port configuration; the bytes then flow through the port's file
/// descriptor with poll, so a board that is unplugged shows up as `.closed` at once rather than as
/// an endless series of empty reads.
public final class SerialLink: ByteLink, @unchecked Sendable {
    public let name: String
    private let port: OpaquePointer
    private let channel: FileDescriptorChannel

    /// Opens `path` at `options.baudRate`, 8N1, no flow control. DTR and RTS are left as the OS
    /// has them unless `options.dtr`/`rts` say otherwise: toggling them resets ESP32 boards
    /// through their auto-reset circuit.
    public init(path: String, options: LinkOptions = .init(), name: String? = nil) throws(LinkError) {
        var found: OpaquePointer?
        guard sp_get_port_by_name(path, &found) == SP_OK, let port = found else {
            if !FileManager.default.fileExists(atPath: path) {
                throw LinkError.notFound("\(path): no such port; `uremote devs` lists the boards it can see")
            }
            throw LinkError.io("\(path): not usable as a serial port (\(Self.lastError())); `uremote devs` lists the boards it can see")
        }
        guard sp_open(port, SP_MODE_READ_WRITE) == SP_OK else {
            let code = sp_last_error_code()
            sp_free_port(port)
            throw TerminalDevice.openError(path, errno: code)
        }
        var fd: Int32 = -1
        _ = sp_get_port_handle(port, &fd)
        // Close-on-exec, so no program started later inherits the port and its lock.
        if fd >= 0 { _ = fcntl(fd, F_SETFD, fcntl(fd, F_GETFD) | FD_CLOEXEC) }
        if fd < 0 || flock(fd, LOCK_EX | LOCK_NB) != 0 {
            sp_close(port)
            sp_free_port(port)
            throw TerminalDevice.busy(path)
        }
        let configured = sp_set_baudrate(port, Int32(options.baudRate)) == SP_OK
            && sp_set_bits(port, 8) == SP_OK
            && sp_set_parity(port, SP_PARITY_NONE) == SP_OK
            && sp_set_stopbits(port, 1) == SP_OK
            && sp_set_flowcontrol(port, SP_FLOWCONTROL_NONE) == SP_OK
        if !configured {
            let message = Self.lastError()
            sp_close(port)
            sp_free_port(port)
            throw LinkError.io("\(path): cannot configure the port at \(options.baudRate) baud: \(message)")
        }
        // Without HUPCL the OS leaves DTR/RTS alone on close too, so closing cannot pulse an
        // ESP32's reset line either.
        var settings = termios()
        if tcgetattr(fd, &settings) == 0 {
            settings.c_cflag &= ~tcflag_t(HUPCL)
            _ = tcsetattr(fd, TCSANOW, &settings)
        }
        if let dtr = options.dtr { _ = sp_set_dtr(port, dtr ? SP_DTR_ON : SP_DTR_OFF) }
        if let rts = options.rts { _ = sp_set_rts(port, rts ? SP_RTS_ON : SP_RTS_OFF) }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        self.port = port
        self.name = name ?? path
        self.channel = FileDescriptorChannel(descriptor: fd, name: name ?? path)
    }

    public func write(_ bytes: [UInt8]) throws(LinkError) {
        try channel.write(bytes)
    }

    public func read(maxCount: Int, timeout: Duration) throws(LinkError) -> [UInt8] {
        try channel.read(maxCount: maxCount, timeout: timeout)
    }

    private let closeLock = NSLock()
    private var isClosed = false

    public func close() {
        closeLock.lock()
        defer { closeLock.unlock() }
        guard !isClosed else { return }
        isClosed = true
        // libserialport owns the descriptor: drain output, then let it close the port.
        channel.detach()
        _ = sp_drain(port)
        sp_close(port)
        sp_free_port(port)
    }

    deinit {
        close()
    }

    private static func lastError() -> String {
        guard let message = sp_last_error_message() else { return "unknown error" }
        defer { sp_free_error_message(message) }
        return String(cString: message)
    }
}
