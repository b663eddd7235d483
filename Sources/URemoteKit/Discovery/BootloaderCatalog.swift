/// USB identities of boards waiting in a bootloader, which show no serial port and so would
/// otherwise be invisible to `uremote devs`.
public enum BootloaderCatalog {
    /// Known fixed VID:PID pairs and the bootloader's name.
    public static let known: [(vendorID: UInt16, productID: UInt16, name: String)] = [
        (0x2E8A, 0x0003, "RP2040 BOOTSEL"),
        (0x2E8A, 0x000F, "RP2350 BOOTSEL"),
        (0x303A, 0x0002, "ESP32-S2 ROM"),
        (0x303A, 0x1001, "ESP32-S3/C3 USB-JTAG (ROM download mode when no tty)"),
    ]

    /// The bootloader a USB device is in, judged by its identity and, for the many UF2 and vendor
    /// bootloaders that reuse their maker's VID, by its product string; nil for ordinary devices.
    ///
    /// `hasSerialPort` matters for ESP32-S3/C3: their USB-JTAG-serial device is the same VID:PID in
    /// the ROM loader and in MicroPython, so it only counts as a bootloader when no tty came with it.
    public static func bootloaderName(vendorID: UInt16, productID: UInt16, product: String?,
                                      hasSerialPort: Bool) -> String? {
        if let entry = known.first(where: { $0.vendorID == vendorID && $0.productID == productID }) {
            if entry.vendorID == 0x303A && entry.productID == 0x1001 {
                return hasSerialPort ? nil : "ESP32 ROM"
            }
            return entry.name
        }
        guard !hasSerialPort, let product else { return nil }
        let lowered = product.lowercased()
        if lowered.contains("uf2") { return "UF2" }
        if lowered.contains("boot") { return "bootloader (\(product))" }
        return nil
    }
}
