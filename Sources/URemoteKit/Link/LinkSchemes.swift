import Foundation

/// Device names of the form `SCHEME:ARGUMENT` that are not serial ports (`sim:NAME`, later
/// `tcp:HOST`) are opened by an opener registered here.
///
/// The registry keeps the CLI ignorant of what stands behind a name: the executable's entry
/// point registers the simulator once, and every command then opens `sim:` like any port.
public enum LinkSchemes {
    /// Opens a link from the part of the device name after `SCHEME:` (possibly empty).
    public typealias Opener = @Sendable (_ argument: String, _ options: LinkOptions) throws(LinkError) -> ByteLink

    private static let lock = NSLock()
    nonisolated(unsafe) private static var openers: [String: Opener] = [:]

    /// Makes `scheme:…` device names open through `opener`. A later registration replaces an earlier one.
    public static func register(_ scheme: String, opener: @escaping Opener) {
        lock.lock()
        defer { lock.unlock() }
        openers[scheme] = opener
    }

    /// The opener for `scheme`, if one was registered.
    public static func opener(for scheme: String) -> Opener? {
        lock.lock()
        defer { lock.unlock() }
        return openers[scheme]
    }

    /// The schemes registered so far, for help texts and completions.
    public static var registeredSchemes: [String] {
        lock.lock()
        defer { lock.unlock() }
        return openers.keys.sorted()
    }
}
