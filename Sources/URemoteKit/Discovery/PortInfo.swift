/// A port or USB device that may be a board, as `uremote devs` lists it.
public struct PortInfo: Sendable, Equatable {
    /// What kind of entry this is: a serial port uremote can talk to, or a board sitting in its
    /// bootloader, which has no serial port and can only be flashed.
    public enum Kind: Sendable, Equatable {
        case serial
        /// `name` says which bootloader ("RP2040 BOOTSEL", "ESP32-S3 ROM", "UF2").
        case bootloader(name: String)
    }

    /// The device path (`/dev/ttyACM0`, `COM3`); for a bootloader, `usb:BUS-ADDRESS`.
    public var path: String
    public var serialNumber: String?
    public var vendorID: UInt16?
    public var productID: UInt16?
    public var manufacturer: String?
    public var product: String?
    /// The operating system's description of the port, when it has one.
    public var description: String?
    public var kind: Kind

    public init(path: String, serialNumber: String? = nil, vendorID: UInt16? = nil, productID: UInt16? = nil,
                manufacturer: String? = nil, product: String? = nil, description: String? = nil,
                kind: Kind = .serial) {
        self.path = path
        self.serialNumber = serialNumber
        self.vendorID = vendorID
        self.productID = productID
        self.manufacturer = manufacturer
        self.product = product
        self.description = description
        self.kind = kind
    }

    public var isBootloader: Bool {
        if case .bootloader = kind { return true }
        return false
    }

    /// True for USB ports, which is what `connect auto` picks from (built-in UARTs have no VID/PID).
    public var isUSB: Bool { vendorID != nil && productID != nil }

    /// `2e8a:0005`, or `0000:0000` for a port without USB identity (mpremote prints the same).
    public var vidPidText: String {
        func hex(_ v: UInt16?) -> String {
            let s = String(v ?? 0, radix: 16)
            return String(repeating: "0", count: max(0, 4 - s.count)) + s
        }
        return "\(hex(vendorID)):\(hex(productID))"
    }

    /// One `devs` line in mpremote's layout (path, serial, VID:PID, manufacturer, product), with
    /// "None" for what is unknown and a bootloader marker at the end.
    public var listingLine: String {
        var line = "\(path) \(serialNumber ?? "None") \(vidPidText) \(manufacturer ?? "None") \(product ?? "None")"
        if case .bootloader(let name) = kind { line += " [bootloader: \(name)]" }
        return line
    }
}
