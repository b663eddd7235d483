import Foundation

/// Puts the user's terminal in raw mode for `repl`, so every key (Ctrl-C, Ctrl-D, arrows) goes to
/// the board untouched and the board's own echo is the only echo; restores it afterwards.
///
/// When stdin is not a terminal (a pipe, a file, a test) there is nothing to change.
final class RawTerminal: @unchecked Sendable {
    private let descriptor: Int32
    private var saved: termios?
    /// SIGTERM or SIGHUP while the terminal is raw would leave the user's shell unusable.
    private var signalSources: [DispatchSourceSignal] = []

    init(descriptor: Int32 = 0) {
        self.descriptor = descriptor
    }

    var isTerminal: Bool { isatty(descriptor) == 1 }

    func enter() {
        guard isTerminal else { return }
        var attributes = termios()
        guard tcgetattr(descriptor, &attributes) == 0 else { return }
        saved = attributes
        attributes.c_iflag &= ~tcflag_t(BRKINT | ICRNL | INPCK | ISTRIP | IXON)
        attributes.c_oflag = 0
        attributes.c_cflag = (attributes.c_cflag & ~tcflag_t(CSIZE | PARENB)) | tcflag_t(CS8)
        attributes.c_lflag = 0
        withUnsafeMutableBytes(of: &attributes.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        tcsetattr(descriptor, TCSANOW, &attributes)
        guard let original = saved else { return }
        let descriptor = descriptor
        for number in [SIGTERM, SIGHUP] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                var restored = original
                tcsetattr(descriptor, TCSANOW, &restored)
                exit(128 + number)
            }
            source.resume()
            signalSources.append(source)
        }
    }

    func restore() {
        for source in signalSources { source.cancel() }
        signalSources = []
        guard var attributes = saved else { return }
        tcsetattr(descriptor, TCSANOW, &attributes)
        saved = nil
        signal(SIGTERM, SIG_DFL)
        signal(SIGHUP, SIG_DFL)
    }

    /// Up to `maxCount` bytes typed so far, without waiting; `nil` once stdin has ended.
    func readAvailable(maxCount: Int = 512, waitMilliseconds: Int32 = 0) -> [UInt8]? {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let ready = poll(&poller, 1, waitMilliseconds)
        if ready <= 0 { return [] }
        var buffer = [UInt8](repeating: 0, count: maxCount)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, maxCount) }
        if count < 0 { return (errno == EINTR || errno == EAGAIN) ? [] : nil }
        if count == 0 { return nil }
        return Array(buffer[..<count])
    }
}
