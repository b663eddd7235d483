#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Opening and configuring terminal devices with plain POSIX calls, for the links that need it.
enum TerminalDevice {
    /// True when `path` (after following symlinks) is the slave side of a pseudo-terminal, which
    /// libserialport cannot open, so the pty link must be used instead.
    static func isPseudoTerminal(_ path: String) -> Bool {
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        if resolved.hasPrefix("/dev/pts/") { return true }
        #if canImport(Darwin)
        if resolved.hasPrefix("/dev/ttys") { return true }
        #endif
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFCHR else { return false }
        #if canImport(Glibc)
        // Unix98 pty slaves use character majors 136 to 143.
        let major = (UInt64(info.st_rdev) >> 8) & 0xFFF
        return (136...143).contains(major)
        #else
        return false
        #endif
    }

    /// True when `path` opens as a terminal at all.
    static func isTerminal(_ path: String) -> Bool {
        let fd = open(path, O_RDWR | O_NOCTTY | O_NONBLOCK)
        guard fd >= 0 else { return false }
        defer { _ = posixClose(fd) }
        return isatty(fd) != 0
    }

    /// Opens `path` read-write, non-blocking, without making it the controlling terminal, and
    /// locks it so a second program gets "port busy" instead of a garbled conversation. The
    /// descriptor is close-on-exec: a program started meanwhile (an editor, a worker process)
    /// would otherwise inherit it, and with it the lock, after uremote let go of the port.
    static func openExclusive(_ path: String) throws(LinkError) -> Int32 {
        let fd = open(path, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)
        if fd < 0 { throw openError(path, errno: errno) }
        guard isatty(fd) != 0 else {
            _ = posixClose(fd)
            throw LinkError.io("\(path) is not a serial port or terminal; `uremote devs` lists the boards it can see")
        }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            _ = posixClose(fd)
            throw busy(path)
        }
        return fd
    }

    /// Puts the terminal in raw 8N1 mode at `baudRate` without touching the modem lines.
    static func makeRaw(_ fd: Int32, baudRate: Int, path: String) throws(LinkError) {
        var settings = termios()
        guard tcgetattr(fd, &settings) == 0 else {
            throw LinkError.io("\(path): cannot read terminal settings: \(String(cString: strerror(errno)))")
        }
        cfmakeraw(&settings)
        settings.c_cflag |= tcflag_t(CLOCAL | CREAD)
        settings.c_cflag &= ~tcflag_t(HUPCL)
        let speed = speedConstant(baudRate)
        _ = cfsetispeed(&settings, speed)
        _ = cfsetospeed(&settings, speed)
        guard tcsetattr(fd, TCSANOW, &settings) == 0 else {
            throw LinkError.io("\(path): cannot set terminal to raw mode: \(String(cString: strerror(errno)))")
        }
    }

    /// Sets or clears DTR/RTS only when asked; errors are ignored since ptys have no modem lines.
    static func setModemLines(_ fd: Int32, dtr: Bool?, rts: Bool?) {
        func apply(_ bit: Int32, _ on: Bool) {
            var bits = bit
            _ = ioctl(fd, UInt(on ? TIOCMBIS : TIOCMBIC), &bits)
        }
        if let dtr { apply(TIOCM_DTR, dtr) }
        if let rts { apply(TIOCM_RTS, rts) }
    }

    static func openError(_ path: String, errno code: Int32) -> LinkError {
        switch code {
        case ENOENT, ENXIO, ENODEV:
            return .notFound("\(path): no such port; `uremote devs` lists the boards it can see")
        case EBUSY:
            return busy(path)
        case EACCES, EPERM:
            return .io("\(path): permission denied; add yourself to the port's group (often `dialout`) and log in again")
        default:
            return .io("\(path): cannot open: \(String(cString: strerror(code)))")
        }
    }

    static func busy(_ path: String) -> LinkError {
        .busy("\(path): port busy (is another program such as mpremote, Thonny or screen using it?)")
    }

    private static func speedConstant(_ rate: Int) -> speed_t {
        #if canImport(Glibc)
        let table: [Int: Int32] = [
            1200: B1200, 2400: B2400, 4800: B4800, 9600: B9600, 19200: B19200, 38400: B38400,
            57600: B57600, 115200: B115200, 230400: B230400, 460800: B460800, 500000: B500000,
            576000: B576000, 921600: B921600, 1000000: B1000000, 1500000: B1500000, 2000000: B2000000,
            3000000: B3000000,
        ]
        return speed_t(table[rate] ?? B115200)
        #else
        return speed_t(rate)
        #endif
    }
}
