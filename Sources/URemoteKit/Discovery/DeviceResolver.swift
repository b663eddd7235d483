#if os(Windows)
let isWindows = true
#else
let isWindows = false
#endif

/// Turns the device name a user typed into an open link.
///
/// Names, in the order they are tried: the shortcuts `a0`–`a3` (`/dev/ttyACM0`…), `u0`–`u3`
/// (`/dev/ttyUSB0`…) and `c0`–`c3` (`COM0`… as mpremote maps them; Windows only); `auto` (the first
/// USB serial port that opens, else a board served by `uremote sim serve` here); `id:SERIAL` (the port with that USB serial number); `port:PATH`;
/// `SCHEME:ARG` or a bare `SCHEME` registered in `LinkSchemes` (`sim`, `sim:NAME`); anything else
/// is a path. Pseudo-terminals get `PseudoTerminalLink`, everything else `SerialLink`.
public enum DeviceResolver {
    /// What a name refers to, before anything is opened; pure, so it can be tested without ports.
    public enum Target: Sendable, Equatable {
        case path(String)
        case auto
        case serialNumber(String)
        case scheme(String, argument: String)
    }

    public static func open(_ device: String, options: LinkOptions) throws(LinkError) -> ByteLink {
        switch try target(for: device) {
        case .path(let path):
            return try openPath(path, options: options)
        case .auto:
            return try openAuto(options: options)
        case .serialNumber(let serial):
            guard let port = PortDiscovery.serialPorts().first(where: { $0.serialNumber == serial }) else {
                throw LinkError.notFound("no device with serial number \(serial); `uremote devs` lists the boards it can see")
            }
            return try openPath(port.path, options: options)
        case .scheme(let scheme, let argument):
            guard let opener = LinkSchemes.opener(for: scheme) else {
                throw LinkError.notFound("unknown device type `\(scheme):`")
            }
            return try opener(argument, options)
        }
    }

    /// Classifies a device name; throws for names that can never work on this system.
    public static func target(for device: String) throws(LinkError) -> Target {
        let name = device.trimmingCharacters(in: .whitespaces)
        if name.isEmpty {
            throw LinkError.notFound("no device given; name a port (`uremote devs` lists them) or use `auto`")
        }
        if let path = shortcutPath(name) { return .path(path) }
        if name == "auto" { return .auto }
        if name.hasPrefix("id:") { return .serialNumber(String(name.dropFirst(3))) }
        if name.hasPrefix("port:") { return .path(String(name.dropFirst(5))) }
        if let colon = name.firstIndex(of: ":") {
            let scheme = String(name[..<colon])
            if LinkSchemes.opener(for: scheme) != nil {
                return .scheme(scheme, argument: String(name[name.index(after: colon)...]))
            }
        } else if LinkSchemes.opener(for: name) != nil {
            return .scheme(name, argument: "")
        }
        return .path(name)
    }

    /// The port a shortcut stands for, or nil when `name` is not a shortcut.
    public static func shortcutPath(_ name: String) -> String? {
        guard name.count == 2, let prefix = name.first, let digit = name.last?.wholeNumberValue,
              (0...3).contains(digit) else { return nil }
        switch prefix {
        case "a": return "/dev/ttyACM\(digit)"
        case "u": return "/dev/ttyUSB\(digit)"
        case "c": return "COM\(digit)"
        default: return nil
        }
    }

    /// Opens a port path with the link that suits it.
    public static func openPath(_ path: String, options: LinkOptions) throws(LinkError) -> ByteLink {
        if path.hasPrefix("COM") && !isWindows && !FileManager.default.fileExists(atPath: path) {
            throw LinkError.notFound("\(path) is a Windows port name; here use a0-a3, u0-u3 or a path (`uremote devs` lists ports)")
        }
        if !FileManager.default.fileExists(atPath: path) {
            throw LinkError.notFound("\(path): no such port; `uremote devs` lists the boards it can see")
        }
        if TerminalDevice.isPseudoTerminal(path) {
            return try PseudoTerminalLink(path: path, options: options)
        }
        do {
            return try SerialLink(path: path, options: options)
        } catch .io(let message) where TerminalDevice.isTerminal(path) {
            // Terminals libserialport will not drive (other pty flavours, odd drivers) still work
            // as plain terminals.
            _ = message
            return try PseudoTerminalLink(path: path, options: options)
        }
    }

    /// The first USB serial port (sorted by path) that opens, as `connect auto` promises; with no
    /// USB board attached, a simulator that `uremote sim serve` serves on this machine.
    static func openAuto(options: LinkOptions) throws(LinkError) -> ByteLink {
        var lastError: LinkError?
        for port in PortDiscovery.serialPorts() where port.isUSB {
            do {
                return try openPath(port.path, options: options)
            } catch {
                lastError = error
            }
        }
        if let lastError { throw lastError }
        for path in ServedBoardRegistry.liveBoards() {
            if let link = try? openPath(path, options: options) { return link }
        }
        throw LinkError.notFound("no USB serial board found; plug one in or name its port (`uremote devs` lists them)")
    }
}

import Foundation
