// swift-tools-version:6.0
import PackageDescription

/// uremote: a command-line tool for MicroPython and CircuitPython boards, and a board simulator.
///
/// The folder tree is the architecture: `uremote` (thin CLI) → `URemoteKit` (sessions, protocol,
/// links, device operations) ← `BoardSimulator` (a board behind a byte link) → `PythonInterpreter`.
let package = Package(
    name: "uremote",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "uremote", targets: ["uremote"]),
        .library(name: "URemoteKit", targets: ["URemoteKit"]),
        .library(name: "PythonInterpreter", targets: ["PythonInterpreter"]),
        .library(name: "BoardSimulator", targets: ["BoardSimulator"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/attaswift/BigInt.git", from: "6.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibSerialPort", pkgConfig: "libserialport",
            providers: [.apt(["libserialport-dev"]), .brew(["libserialport"])]),
        .systemLibrary(
            name: "CLibUSB", pkgConfig: "libusb-1.0",
            providers: [.apt(["libusb-1.0-0-dev"]), .brew(["libusb"])]),
        .systemLibrary(
            name: "CZlib", pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]),

        .target(
            name: "URemoteKit",
            dependencies: [
                "CLibSerialPort", "CLibUSB", "CZlib",
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        .target(
            name: "PythonInterpreter",
            dependencies: [
                "CZlib",
                .product(name: "BigInt", package: "BigInt"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        .target(
            name: "BoardSimulator",
            dependencies: ["PythonInterpreter", "URemoteKit"]),
        .executableTarget(
            name: "uremote",
            dependencies: ["URemoteKit", "BoardSimulator"]),

        .testTarget(name: "URemoteKitTests", dependencies: ["URemoteKit"]),
        .testTarget(
            name: "PythonInterpreterTests", dependencies: ["PythonInterpreter"],
            exclude: ["Corpus"]),
        .testTarget(name: "BoardSimulatorTests", dependencies: ["BoardSimulator", "URemoteKit"]),
        .testTarget(name: "uremoteTests", dependencies: ["URemoteKit"]),
    ],
    swiftLanguageModes: [.v6]
)
