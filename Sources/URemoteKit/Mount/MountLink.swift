import Foundation

/// A link that serves a mounted host folder to the board while passing everything else through.
///
/// `mount` puts one between the session and the board's link (the CLI's `wrapLink`); while
/// nothing is mounted it is a plain pass-through. Once mounted, every read scans the board's output for the agent's request frames, answers
/// them from the folder and hands back only the program's own output, so `exec`, `run`, `repl`
/// and every other reader keep the mount alive without knowing it exists. A soft reboot followed
/// by a prompt is noticed here too, and the agent is sent again before the reader sees the prompt.
public final class MountLink: ByteLink, @unchecked Sendable {
    /// The board's own link, which remount and unmount exchanges use directly.
    public let inner: ByteLink
    public var name: String { inner.name }

    /// Told about remounts and failures that happen inside a read (one line, no `uremote:` prefix).
    public var onNotice: (@Sendable (String) -> Void)?

    private let readLock = NSLock()
    private let writeLock = NSLock()
    private let stateLock = NSLock()
    private var active: ActiveMount?
    private var ready: [UInt8] = []
    private var isClosed = false
    /// Between an answer and the agent's `answered` notice, writes (keys) wait here so the keys
    /// the agent set aside go back to the board first and nothing typed changes order.
    private var heldWrites: [UInt8] = []
    private var holdingSince: ContinuousClock.Instant?
    private static let longestHold: Duration = .milliseconds(500)
    /// Requests answered so far (not counting `answered` notices); tests use it to hold the
    /// import path to about one round trip per module.
    private(set) var requestsServed = 0

    /// What a mount needs while it lasts.
    private final class ActiveMount {
        let folder: String
        let allowsOutsideLinks: Bool
        let token: [UInt8]
        var scanner: MountFrameScanner
        var server: MountFileServer
        var watcher = SoftRebootWatcher()
        /// When a validated header started waiting for its payload.
        var stalledSince: ContinuousClock.Instant?

        init(folder: String, allowsOutsideLinks: Bool, token: [UInt8], server: MountFileServer) {
            self.folder = folder
            self.allowsOutsideLinks = allowsOutsideLinks
            self.token = token
            self.scanner = MountFrameScanner(token: token)
            self.server = server
        }
    }

    /// One random token per link: an agent still mounted from before (`mount a + mount b`)
    /// keeps being understood while the new one replaces it.
    private let token: [UInt8] = (0..<MountWire.tokenCount).map { _ in UInt8.random(in: 0...255) }

    public init(wrapping inner: ByteLink) {
        self.inner = inner
    }

    /// The host folder being served, if any.
    public var mountedFolder: String? {
        stateLock.lock()
        defer { stateLock.unlock() }
        return active?.folder
    }

    /// Whether file blocks travel deflated on this mount (the board's firmware can inflate).
    var compressesBlocks: Bool {
        stateLock.lock()
        defer { stateLock.unlock() }
        return active?.server.compressesBlocks ?? false
    }

    // MARK: Mounting

    /// Mounts `folder` at `/remote` and makes it the board's working directory. `session` must
    /// talk through this link; it is left in the raw REPL.
    public func mount(folder: String, allowsOutsideLinks: Bool, through session: BoardSession) throws(MountError) {
        let server: MountFileServer
        do {
            server = try MountFileServer(folder: folder, allowsOutsideLinks: allowsOutsideLinks)
        } catch {
            throw MountError.folder("cannot mount \(folder): \(String(cString: strerror(Int32(error.code))))")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: server.sandbox.root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw MountError.folder("cannot mount \(folder): not a directory")
        }
        let token = self.token
        let mount = ActiveMount(folder: server.sandbox.root, allowsOutsideLinks: allowsOutsideLinks,
                                token: token, server: server)
        stateLock.lock()
        active?.server.discardUnfinishedWrites()
        active = mount
        stateLock.unlock()
        do throws(SessionError) {
            var result = try session.execute(MountAgentSource.compressedLoader(token: token)
                                             ?? MountAgentSource.code(token: token), timeout: .seconds(10))
            if !result.raisedException,
               ReplReader.find(Array(MountAgentSource.plainMark.utf8), in: result.output) != nil {
                result = try session.execute(MountAgentSource.code(token: token), timeout: .seconds(10))
            }
            if result.raisedException {
                throw SessionError.boardException(traceback: String(decoding: result.errorOutput, as: UTF8.self))
            }
            server.compressesBlocks = Self.agentInflates(result.output)
        } catch {
            stateLock.lock()
            active = nil
            stateLock.unlock()
            throw MountError.board("could not mount \(folder) on \(name): \(error.description)")
        }
    }

    /// Unmounts from the board through `session` and stops serving; harmless when not mounted.
    public func unmount(through session: BoardSession) throws(SessionError) {
        guard mountedFolder != nil else { return }
        defer { deactivate() }
        let result = try session.execute(MountAgentSource.unmountCode(), timeout: .seconds(10))
        if result.raisedException {
            throw SessionError.boardException(traceback: String(decoding: result.errorOutput, as: UTF8.self))
        }
        stateLock.lock()
        active?.server.commitUnfinishedWrites()
        stateLock.unlock()
    }

    private static func agentInflates(_ output: [UInt8]) -> Bool {
        ReplReader.find(Array(MountAgentSource.inflatesMark.utf8), in: output) != nil
    }

    private func deactivate() {
        stateLock.lock()
        let mount = active
        active = nil
        stateLock.unlock()
        mount?.server.discardUnfinishedWrites()
        writeLock.lock()
        try? releaseHeldWrites(prefix: [])
        writeLock.unlock()
    }

    // MARK: ByteLink

    public func write(_ bytes: [UInt8]) throws(LinkError) {
        writeLock.lock()
        defer { writeLock.unlock() }
        if let since = holdingSince, since.duration(to: .now) < Self.longestHold {
            heldWrites.append(contentsOf: bytes)
            return
        }
        try releaseHeldWrites(prefix: [])
        try inner.write(bytes)
    }

    /// Sends `prefix` and then whatever was held; call with `writeLock` held.
    private func releaseHeldWrites(prefix: [UInt8]) throws(LinkError) {
        let bytes = prefix + heldWrites
        heldWrites = []
        holdingSince = nil
        if !bytes.isEmpty { try inner.write(bytes) }
    }

    public func read(maxCount: Int, timeout: Duration) throws(LinkError) -> [UInt8] {
        readLock.lock()
        defer { readLock.unlock() }
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while true {
            if !ready.isEmpty { return takeReady(maxCount) }
            try releaseExpiredHold()
            stateLock.lock()
            let mount = active
            stateLock.unlock()
            guard let mount else {
                return try inner.read(maxCount: maxCount, timeout: ContinuousClock.now.duration(to: deadline).clampedToZero)
            }
            let holding = mount.scanner.isHolding
            let wait = holding ? Duration.milliseconds(250) : ContinuousClock.now.duration(to: deadline).clampedToZero
            let chunk = try inner.read(maxCount: 65536, timeout: wait)
            if chunk.isEmpty {
                if holding { giveUpOnHeldBytes(of: mount) }
                if ready.isEmpty && ContinuousClock.now >= deadline && !mount.scanner.isHolding { return [] }
                continue
            }
            mount.stalledSince = nil
            var output: [UInt8] = []
            for piece in mount.scanner.feed(chunk) {
                switch piece {
                case .output(let bytes):
                    output.append(contentsOf: bytes)
                case .request(let request):
                    try serve(request, with: mount)
                }
            }
            if !output.isEmpty { deliver(output, from: mount) }
        }
    }

    /// Stops serving, unmounts from the board if it can do so quickly, and closes the link.
    public func close() {
        readLock.lock()
        let wasClosed = isClosed
        isClosed = true
        readLock.unlock()
        if wasClosed { return }
        if mountedFolder != nil {
            unmountBeforeClosing()
            deactivate()
        }
        inner.close()
    }

    // MARK: Internals

    /// An agent that never said `answered` (reset, killed mid-request) must not keep keys forever.
    private func releaseExpiredHold() throws(LinkError) {
        writeLock.lock()
        defer { writeLock.unlock() }
        if let since = holdingSince, since.duration(to: .now) >= Self.longestHold {
            try releaseHeldWrites(prefix: [])
        }
    }

    private func takeReady(_ maxCount: Int) -> [UInt8] {
        let count = min(max(1, maxCount), ready.count)
        let bytes = Array(ready[..<count])
        ready.removeFirst(count)
        return bytes
    }

    private func serve(_ request: MountRequest, with mount: ActiveMount) throws(LinkError) {
        writeLock.lock()
        defer { writeLock.unlock() }
        if request.op == .answered {
            try releaseHeldWrites(prefix: request.payload)
            return
        }
        try inner.write(mount.server.answer(request))
        requestsServed += 1
        if holdingSince == nil { holdingSince = .now }
    }

    /// Held bytes that never completed a header are output after all; a validated header whose
    /// payload stops coming (the board was reset mid-request) is dropped after a while.
    private func giveUpOnHeldBytes(of mount: ActiveMount) {
        if mount.scanner.holdsValidatedHeader {
            let now = ContinuousClock.now
            guard let since = mount.stalledSince else {
                mount.stalledSince = now
                return
            }
            if since.duration(to: now) < .seconds(5) { return }
            mount.scanner = MountFrameScanner(token: mount.token)
            mount.stalledSince = nil
            return
        }
        let released = mount.scanner.releaseHeld()
        if !released.isEmpty { deliver(released, from: mount) }
    }

    private func deliver(_ output: [UInt8], from mount: ActiveMount) {
        ready.append(contentsOf: output)
        guard let prompt = mount.watcher.observe(output) else { return }
        remountAfterReboot(mount, at: prompt)
    }

    /// The board rebooted and shows `prompt`: send the agent again on the bare link (holding
    /// user keystrokes back meanwhile) and leave the board at the same prompt the reader is
    /// about to see.
    private func remountAfterReboot(_ mount: ActiveMount, at prompt: SoftRebootWatcher.Prompt) {
        // A soft reset closes the files a program left open, so their writes count.
        mount.server.commitUnfinishedWrites()
        mount.scanner = MountFrameScanner(token: mount.token)
        writeLock.lock()
        defer { writeLock.unlock() }
        var exchange = AgentExchange(link: inner, filter: servingFilter(for: mount))
        do {
            if prompt == .friendly { try exchange.enterRawRepl(interrupting: false) }
            mount.server.compressesBlocks = Self.agentInflates(try exchange.run(MountAgentSource.code(token: mount.token)))
            if prompt == .friendly { try exchange.exitRawRepl() }
        } catch {
            stateLock.lock()
            if active === mount { active = nil }
            stateLock.unlock()
            mount.server.discardUnfinishedWrites()
            announce("could not remount \(mount.folder) after the soft reset (\(error.description)); "
                     + "mount it again", prompt: prompt)
            return
        }
        announce("remounted \(mount.folder) at \(MountWire.mountPoint) after soft reset", prompt: prompt)
    }

    /// For exchanges on the bare link while `writeLock` is held: answers requests straight on
    /// `inner` and returns only the board's output.
    private func servingFilter(for mount: ActiveMount) -> ([UInt8]) throws(LinkError) -> [UInt8] {
        let inner = self.inner
        return { (bytes: [UInt8]) throws(LinkError) -> [UInt8] in
            var output: [UInt8] = []
            for piece in mount.scanner.feed(bytes) {
                switch piece {
                case .output(let chunk): output.append(contentsOf: chunk)
                case .request(let request) where request.op == .answered: continue
                case .request(let request): try inner.write(mount.server.answer(request))
                }
            }
            return output
        }
    }

    /// In the REPL the notice goes into the output just before the prompt, as text the user
    /// reads; in raw mode the stream belongs to the protocol, so it goes to `onNotice` only.
    private func announce(_ message: String, prompt: SoftRebootWatcher.Prompt) {
        if prompt == .friendly {
            let promptBytes = Array(">>> ".utf8)
            if ready.count >= promptBytes.count, Array(ready.suffix(promptBytes.count)) == promptBytes {
                ready.removeLast(promptBytes.count)
                ready.append(contentsOf: Array("\(message)\r\n".utf8) + promptBytes)
                return
            }
        }
        onNotice?(message)
    }

    /// The board is probably in the friendly REPL (the session left the raw REPL just before
    /// closing) or running a program left behind: interrupt, unmount, and return to `>>>`.
    private func unmountBeforeClosing() {
        stateLock.lock()
        let mount = active
        stateLock.unlock()
        guard let mount else { return }
        writeLock.lock()
        defer { writeLock.unlock() }
        var exchange = AgentExchange(link: inner, filter: servingFilter(for: mount))
        do {
            try exchange.enterRawRepl(interrupting: true)
        } catch {
            onNotice?("could not unmount \(MountWire.mountPoint) from \(name): \(error.description)")
            return
        }
        var failure: MountError?
        do { try exchange.run(MountAgentSource.unmountCode()) } catch { failure = error }
        do { try exchange.exitRawRepl() } catch { failure = failure ?? error }
        if let failure {
            onNotice?("could not unmount \(MountWire.mountPoint) from \(name): \(failure.description)")
        }
    }
}

extension Duration {
    /// Negative durations (a deadline already passed) become zero, for APIs that take a timeout.
    var clampedToZero: Duration { self < .zero ? .zero : self }
}
