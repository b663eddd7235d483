import Foundation
import URemoteKit

/// The simulated cable between host and board: it paces bytes at the baud rate, applies the
/// injected faults and moves bytes between the board's link end and its console.
final class SerialWire: @unchecked Sendable {
    private let link: ByteLink
    private let faults: FaultInjector
    private let bytesPerSecond: Double?
    private let writeLock = NSLock()
    /// Called when a fault forces a hard reset of the board.
    var onFaultReset: @Sendable () -> Void = {}
    /// Called once the host end has gone away.
    var onClosed: @Sendable () -> Void = {}

    init(link: ByteLink, baudRate: Int?, faults: FaultInjection) {
        self.link = link
        self.faults = FaultInjector(faults)
        self.bytesPerSecond = baudRate.map { Double(max(1, $0)) / 10 }
    }

    /// Sends board output to the host; false once the host is gone.
    func transmit(_ bytes: [UInt8]) -> Bool {
        writeLock.lock()
        defer { writeLock.unlock() }
        if faults.responseDelay > .zero { Thread.sleep(forTimeInterval: faults.responseDelay.seconds) }
        let (mangled, disconnect, _) = faults.mangle(bytes, incoming: false)
        do {
            try paced(mangled) { chunk throws(LinkError) in try link.write(chunk) }
        } catch {
            return false
        }
        if disconnect {
            link.close()
            return false
        }
        return true
    }

    /// Runs the receive side until the link closes: host bytes into `console`.
    func pumpIncoming(into console: BoardConsole) {
        while true {
            let bytes: [UInt8]
            do {
                bytes = try link.read(maxCount: 512, timeout: .milliseconds(200))
            } catch {
                break
            }
            if bytes.isEmpty { continue }
            let (mangled, disconnect, reset) = faults.mangle(bytes, incoming: true)
            try? paced(mangled) { chunk in console.deliver(chunk) }
            if reset { onFaultReset() }
            if disconnect {
                link.close()
                break
            }
        }
        onClosed()
    }

    /// Feeds `bytes` to `sink` no faster than the baud rate allows.
    private func paced(_ bytes: [UInt8], _ sink: ([UInt8]) throws(LinkError) -> Void) throws(LinkError) {
        guard !bytes.isEmpty else { return }
        guard let rate = bytesPerSecond else { return try sink(bytes) }
        let chunkSize = max(1, Int(rate / 200))  // about 5 ms of line time per chunk
        var index = 0
        let started = Date()
        while index < bytes.count {
            let end = min(bytes.count, index + chunkSize)
            let due = started.addingTimeInterval(Double(end) / rate)
            let wait = due.timeIntervalSinceNow
            if wait > 0 { Thread.sleep(forTimeInterval: wait) }
            try sink(Array(bytes[index..<end]))
            index = end
        }
    }

    func close() {
        link.close()
    }
}
