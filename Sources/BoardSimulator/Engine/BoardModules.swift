import Foundation
import PythonInterpreter

/// Registers the board's own modules in an interpreter: `_board`, the native hooks into the
/// simulator, and the Python-written modules built on it (machine, select, CircuitPython's set).
enum BoardModules {
    static func register(in interpreter: Interpreter, services: BoardServices, fileSystem: BoardFileSystem) {
        interpreter.registerModule(nativeHooks(services: services, fileSystem: fileSystem))
        switch services.configuration.personality {
        case .micropython:
            interpreter.registerSourceModule(name: "machine", source: MachineModuleSource.text)
        case .circuitpython:
            for (name, source) in CircuitPythonModuleSources.modules {
                interpreter.registerSourceModule(name: name, source: source)
            }
        }
        interpreter.registerSourceModule(name: "vfs", source: VfsModuleSource.text)
        interpreter.registerSourceModule(name: "_replcomplete", source: ReplCompletionSource.text)
        interpreter.registerSourceModule(name: "select", source: SelectModuleSource.text)
        interpreter.registerSourceModule(name: "uselect", source: "from select import *\n")
    }

    private static func nativeHooks(services: BoardServices, fileSystem: BoardFileSystem) -> NativeModule {
        let m = NativeModule(name: "_board")
        m.constant("personality", .string(services.configuration.personality.rawValue))
        m.constant("release", .string(services.configuration.personality.versionString))
        m.constant("build_date", .string(services.configuration.personality.buildDate))
        m.constant("machine", .string(services.configuration.personality.machineName))
        m.function("reset") { _ in
            services.requestHardReset()
            return .none
        }
        m.function("bootloader") { _ in
            services.requestBootloader()
            return .none
        }
        m.function("unique_id") { _ in
            Value.makeBytes(uniqueID(for: services.configuration.flashFolder))
        }
        m.function("reset_cause") { _ in .int(1) }
        m.function("input_ready") { _ in .bool(services.inputReady) }
        m.function("wait_input") { args in
            let ms = try args.int(0, default: -1)
            let ready = services.waitForInput(timeout: ms < 0 ? nil : .milliseconds(ms))
            return .bool(ready)
        }
        m.function("write_raw") { args in
            let bytes = try args.bytes(0)
            services.writeRawOutput(bytes)
            return .int(bytes.count)
        }
        m.function("write_cooked") { args in
            let bytes = try args.bytes(0)
            services.writeOutput(bytes)
            return .int(bytes.count)
        }
        m.function("read_input") { args in
            // Up to n bytes, at least one; b'' when interrupted or at end of input.
            let count = try args.int(0, default: 1)
            guard count > 0 else { return Value.makeBytes([]) }
            return Value.makeBytes(services.readInput(maxCount: count) ?? [])
        }
        m.function("vfs_dispatcher") { args in
            if let dispatcher = args.value(0) { fileSystem.setDispatcher(dispatcher) }
            return .none
        }
        m.function("vfs_mounted") { args in
            fileSystem.addMount(try args.string(0))
            return .none
        }
        m.function("vfs_unmounted") { args in
            fileSystem.removeMount(try args.string(0))
            return .none
        }
        m.function("completions") { args in
            let names = (args.value(0)?.arrayValue ?? []).compactMap { $0.stringValue }
            services.completionBox.store(names)
            return .none
        }
        m.function("flash_readonly") { args in
            if let value = args.value(0) {
                guard services.inBootScript else {
                    throw PythonException.runtimeError("Cannot remount '/' when visible via USB.")
                }
                services.usbDriveOwnsFlash = value.isTruthy
            }
            return .bool(services.usbDriveOwnsFlash)
        }
        return m
    }

    /// Eight bytes that stay the same for one flash folder, as a chip's ID does.
    static func uniqueID(for folder: String) -> [UInt8] {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in folder.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0100_0000_01B3
        }
        return (0..<8).map { UInt8(truncatingIfNeeded: hash >> (UInt64($0) * 8)) }
    }
}
