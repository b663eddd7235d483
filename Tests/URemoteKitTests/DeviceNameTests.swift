import Testing
@testable import URemoteKit

/// How device names map to ports, and how ports are described, without any hardware.
@Suite struct DeviceNameTests {
    @Test(arguments: [
        ("a0", "/dev/ttyACM0"), ("a3", "/dev/ttyACM3"), ("u0", "/dev/ttyUSB0"), ("u2", "/dev/ttyUSB2"),
        ("c0", "COM0"), ("c3", "COM3"),
    ])
    func shortcuts(name: String, path: String) throws {
        #expect(DeviceResolver.shortcutPath(name) == path)
        #expect(try DeviceResolver.target(for: name) == .path(path))
    }

    @Test(arguments: ["a4", "u9", "x0", "a", "a00", "ab"])
    func notShortcuts(name: String) {
        #expect(DeviceResolver.shortcutPath(name) == nil)
    }

    @Test func namedForms() throws {
        #expect(try DeviceResolver.target(for: "auto") == .auto)
        #expect(try DeviceResolver.target(for: "id:e6614c311b4e5a2c") == .serialNumber("e6614c311b4e5a2c"))
        #expect(try DeviceResolver.target(for: "port:/dev/ttyS1") == .path("/dev/ttyS1"))
        #expect(try DeviceResolver.target(for: "/tmp/board") == .path("/tmp/board"))
        #expect(try DeviceResolver.target(for: "unregistered:thing") == .path("unregistered:thing"))
        #expect(throws: LinkError.self) { try DeviceResolver.target(for: "  ") }
    }

    @Test func registeredSchemesOpenThroughTheirOpener() throws {
        LinkSchemes.register("kittest") { argument, _ throws(LinkError) in
            InMemoryLink.makePair(name: "kittest:\(argument)").host
        }
        #expect(try DeviceResolver.target(for: "kittest:alpha") == .scheme("kittest", argument: "alpha"))
        #expect(try DeviceResolver.target(for: "kittest") == .scheme("kittest", argument: ""))
        let link = try DeviceResolver.open("kittest:beta", options: LinkOptions())
        #expect(link.name == "kittest:beta")
    }

    @Test func windowsPortNamesFailClearlyElsewhere() {
        do {
            _ = try DeviceResolver.open("c1", options: LinkOptions())
            Issue.record("COM1 cannot open on this system")
        } catch let error {
            guard case .notFound(let message) = error else { Issue.record("wrong error \(error)"); return }
            #expect(message.contains("Windows"))
        }
    }

    @Test func unknownSerialNumberIsNotFound() {
        #expect(throws: LinkError.notFound("no device with serial number nothing-has-this; `uremote devs` lists the boards it can see")) {
            try DeviceResolver.open("id:nothing-has-this", options: LinkOptions())
        }
    }

    @Test func listingLineMatchesMpremoteLayout() {
        let port = PortInfo(path: "/dev/ttyACM0", serialNumber: "e6614c311b4e5a2c", vendorID: 0x2E8A, productID: 0x0005,
                            manufacturer: "MicroPython", product: "Board in FS mode")
        #expect(port.listingLine == "/dev/ttyACM0 e6614c311b4e5a2c 2e8a:0005 MicroPython Board in FS mode")
        #expect(port.isUSB && !port.isBootloader)
        let uart = PortInfo(path: "/dev/ttyS0")
        #expect(uart.listingLine == "/dev/ttyS0 None 0000:0000 None None")
        #expect(!uart.isUSB)
        let boot = PortInfo(path: "usb:1-7", vendorID: 0x2E8A, productID: 0x0003, manufacturer: "Raspberry Pi",
                            product: "RP2 Boot", kind: .bootloader(name: "RP2040 BOOTSEL"))
        #expect(boot.listingLine == "usb:1-7 None 2e8a:0003 Raspberry Pi RP2 Boot [bootloader: RP2040 BOOTSEL]")
    }

    @Test func bootloaderRecognition() {
        #expect(BootloaderCatalog.bootloaderName(vendorID: 0x2E8A, productID: 0x0003, product: nil, hasSerialPort: false) == "RP2040 BOOTSEL")
        #expect(BootloaderCatalog.bootloaderName(vendorID: 0x2E8A, productID: 0x000F, product: nil, hasSerialPort: false) == "RP2350 BOOTSEL")
        #expect(BootloaderCatalog.bootloaderName(vendorID: 0x303A, productID: 0x0002, product: nil, hasSerialPort: false) == "ESP32-S2 ROM")
        // The ESP32-S3 USB-JTAG device is a bootloader only when it brought no tty.
        #expect(BootloaderCatalog.bootloaderName(vendorID: 0x303A, productID: 0x1001, product: nil, hasSerialPort: false) == "ESP32 ROM")
        #expect(BootloaderCatalog.bootloaderName(vendorID: 0x303A, productID: 0x1001, product: nil, hasSerialPort: true) == nil)
        #expect(BootloaderCatalog.bootloaderName(vendorID: 0x239A, productID: 0x0029, product: "Feather nRF52840 UF2", hasSerialPort: false) == "UF2")
        #expect(BootloaderCatalog.bootloaderName(vendorID: 0x239A, productID: 0x80F4, product: "Pico", hasSerialPort: true) == nil)
        #expect(BootloaderCatalog.bootloaderName(vendorID: 0x046D, productID: 0xC52B, product: "USB Receiver", hasSerialPort: false) == nil)
    }

    @Test func enumerationDoesNotCrash() {
        let serial = PortDiscovery.serialPorts()
        #expect(serial.map(\.path) == serial.map(\.path).sorted())
        let boot = PortDiscovery.bootloaderDevices(excludingSerial: serial)
        #expect(boot.allSatisfy { $0.isBootloader })
    }

    @Test func pseudoTerminalDetection() {
        #expect(!TerminalDevice.isPseudoTerminal("/dev/null"))
        #expect(!TerminalDevice.isPseudoTerminal("/nonexistent"))
    }
}
