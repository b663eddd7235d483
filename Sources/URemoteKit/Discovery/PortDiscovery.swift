import CLibSerialPort
import CLibUSB

/// Finds the boards attached to this computer.
public enum PortDiscovery {
    /// Serial ports as libserialport sees them, sorted by path, with USB identity where the port
    /// is a USB device.
    public static func serialPorts() -> [PortInfo] {
        var list: UnsafeMutablePointer<OpaquePointer?>?
        guard sp_list_ports(&list) == SP_OK, let list else { return [] }
        defer { sp_free_port_list(list) }
        var ports: [PortInfo] = []
        var index = 0
        while let port = list[index] {
            index += 1
            guard let name = sp_get_port_name(port).map({ String(cString: $0) }) else { continue }
            var info = PortInfo(path: name, description: sp_get_port_description(port).map { String(cString: $0) })
            if sp_get_port_transport(port) == SP_TRANSPORT_USB {
                var vid: Int32 = 0
                var pid: Int32 = 0
                if sp_get_port_usb_vid_pid(port, &vid, &pid) == SP_OK {
                    info.vendorID = UInt16(truncatingIfNeeded: vid)
                    info.productID = UInt16(truncatingIfNeeded: pid)
                }
                info.serialNumber = sp_get_port_usb_serial(port).map { String(cString: $0) }
                info.manufacturer = sp_get_port_usb_manufacturer(port).map { String(cString: $0) }
                info.product = sp_get_port_usb_product(port).map { String(cString: $0) }
            }
            ports.append(info)
        }
        return ports.sorted { $0.path < $1.path }
    }

    /// USB boards sitting in a bootloader with no serial port (RP2040/RP2350 BOOTSEL, ESP32 ROM
    /// loader, UF2 bootloaders), found through libusb. Empty when libusb cannot start (no USB
    /// access in a container, for example): listing must never fail because of it.
    public static func bootloaderDevices() -> [PortInfo] {
        bootloaderDevices(excludingSerial: serialPorts())
    }

    /// As `bootloaderDevices()`, with the serial ports already known (so ESP32 ROM detection can
    /// tell a device with a tty from one without).
    public static func bootloaderDevices(excludingSerial serial: [PortInfo]) -> [PortInfo] {
        var context: OpaquePointer?
        guard libusb_init(&context) == 0, let context else { return [] }
        defer { libusb_exit(context) }
        _ = uremote_libusb_set_log_level(context, 0)
        var devices: UnsafeMutablePointer<OpaquePointer?>?
        let count = libusb_get_device_list(context, &devices)
        guard count >= 0, let devices else { return [] }
        defer { libusb_free_device_list(devices, 1) }

        var found: [PortInfo] = []
        for i in 0..<Int(count) {
            guard let device = devices[i] else { continue }
            var descriptor = libusb_device_descriptor()
            guard libusb_get_device_descriptor(device, &descriptor) == 0 else { continue }
            let vid = descriptor.idVendor
            let pid = descriptor.idProduct
            let hasSerial = serial.contains { $0.vendorID == vid && $0.productID == pid }
            let isKnown = BootloaderCatalog.known.contains { $0.vendorID == vid && $0.productID == pid }
            // Reading strings needs opening the device; only bother for candidates.
            var strings: (String?, String?, String?) = (nil, nil, nil)
            if isKnown || !hasSerial {
                strings = readStrings(device, descriptor)
            }
            guard let name = BootloaderCatalog.bootloaderName(vendorID: vid, productID: pid, product: strings.1,
                                                              hasSerialPort: hasSerial) else { continue }
            let path = "usb:\(libusb_get_bus_number(device))-\(libusb_get_device_address(device))"
            found.append(PortInfo(path: path, serialNumber: strings.2, vendorID: vid, productID: pid,
                                  manufacturer: strings.0, product: strings.1, description: name,
                                  kind: .bootloader(name: name)))
        }
        return found.sorted { $0.path < $1.path }
    }

    /// Manufacturer, product and serial strings, or nils when the device cannot be opened.
    private static func readStrings(_ device: OpaquePointer, _ descriptor: libusb_device_descriptor)
        -> (String?, String?, String?) {
        var handle: OpaquePointer?
        guard libusb_open(device, &handle) == 0, let handle else { return (nil, nil, nil) }
        defer { libusb_close(handle) }
        func string(_ index: UInt8) -> String? {
            guard index != 0 else { return nil }
            var buffer = [UInt8](repeating: 0, count: 256)
            let n = libusb_get_string_descriptor_ascii(handle, index, &buffer, Int32(buffer.count))
            guard n > 0 else { return nil }
            return String(decoding: buffer.prefix(Int(n)), as: UTF8.self)
        }
        return (string(descriptor.iManufacturer), string(descriptor.iProduct), string(descriptor.iSerialNumber))
    }
}
