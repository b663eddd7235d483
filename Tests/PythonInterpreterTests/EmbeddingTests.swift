import Foundation
import Testing
import PythonInterpreter

/// The API the simulator builds on: native modules, source modules, interrupts, resets, the
/// REPL mode, limits and the sandboxed filesystem.
@Suite("Embedding API")
struct EmbeddingTests {
    func make(_ folder: URL? = nil, capacity: Int? = nil, heap: Int = 64 << 20) throws -> (Interpreter, CapturingHost, URL) {
        let dir = try folder ?? TestPaths.makeScratchFolder()
        let host = CapturingHost(fileSystem: HostFolderFileSystem(root: dir.path, capacity: capacity))
        var config = InterpreterConfiguration(host: host)
        config.heapLimit = heap
        return (Interpreter(configuration: config), host, dir)
    }

    @Test("native module functions, constants and classes")
    func nativeModule() throws {
        let (interp, host, _) = try make()
        let m = NativeModule(name: "machine")
        m.constant("FREQ", .int(160))
        m.function("double") { args in .int(try args.int(0) * 2) }
        m.function("fail") { _ in throw PythonException.valueError("bad pin") }
        final class PinState { var level = false }
        let pin = NativeClass(name: "Pin")
        pin.constant("OUT", .int(1))
        pin.initializer { obj, args in
            _ = try args.int(0)
            obj.nativeState = PinState()
        }
        pin.method("value") { obj, args in
            guard let s = obj.nativeState as? PinState else { throw PythonException.typeError("not a pin") }
            if let v = args.value(0) { s.level = v.isTruthy; return .none }
            return .int(s.level ? 1 : 0)
        }
        m.addClass(pin)
        interp.registerModule(m)
        let outcome = interp.run(source: """
            import machine
            p = machine.Pin(2, machine.Pin.OUT)
            p.value(1)
            print(machine.FREQ, machine.double(21), p.value())
            try:
                machine.fail()
            except ValueError as e:
                print("ValueError", e)
            """)
        #expect(outcome == .completed)
        #expect(host.text == "160 42 1\nValueError bad pin\n")
    }

    @Test("source modules import on demand; reset keeps them and drops globals")
    func sourceModulesAndReset() throws {
        let (interp, host, _) = try make()
        interp.registerSourceModule(name: "frozen", source: "GREETING = 'hi'\n")
        #expect(interp.run(source: "import frozen\nx = frozen.GREETING\nprint(x)") == .completed)
        interp.reset()
        if case .exception(let e) = interp.run(source: "print(x)") {
            #expect(e.typeName == "NameError")
            #expect(e.traceback.hasSuffix("NameError: name 'x' isn't defined\n"))
        } else {
            Issue.record("x survived reset")
        }
        #expect(interp.run(source: "import frozen\nprint(frozen.GREETING)") == .completed)
        #expect(host.text == "hi\nhi\n")
    }

    @Test("interrupt() raises KeyboardInterrupt in a busy loop and in sleep")
    func interrupt() throws {
        let (interp, _, _) = try make()
        for program in ["while True:\n    pass", "import time\ntime.sleep(30)"] {
            let box = OutcomeBox()
            let done = DispatchSemaphore(value: 0)
            Thread { box.value = interp.run(source: program); done.signal() }.start()
            Thread.sleep(forTimeInterval: 0.3)
            interp.interrupt()
            #expect(done.wait(timeout: .now() + 10) == .success, "program did not stop: \(program)")
            if case .exception(let e)? = box.value { #expect(e.typeName == "KeyboardInterrupt") } else { Issue.record("no KeyboardInterrupt for \(program)") }
        }
        #expect(interp.keyboardInterruptCharacter == 3)
        _ = interp.run(source: "import micropython\nmicropython.kbd_intr(-1)")
        #expect(interp.keyboardInterruptCharacter == -1)
    }

    @Test("interactive mode prints expression values with repr")
    func interactive() throws {
        let (interp, host, _) = try make()
        #expect(interp.runInteractive(source: "1 + 2") == .completed)
        #expect(interp.runInteractive(source: "'a'") == .completed)
        #expect(interp.runInteractive(source: "None") == .completed)
        #expect(interp.runInteractive(source: "x = 5") == .completed)
        #expect(host.text == "3\n'a'\n")
    }

    @Test("limits: recursion, heap, SystemExit")
    func limits() throws {
        let (interp, _, _) = try make(heap: 1 << 20)
        if case .exception(let e) = interp.run(source: "def f(n): return f(n + 1)\nf(0)") {
            #expect(e.typeName == "RuntimeError" && e.message == "maximum recursion depth exceeded")
        } else { Issue.record("no RuntimeError") }
        if case .exception(let e) = interp.run(source: "x = bytearray(10 * 1024 * 1024)") {
            #expect(e.typeName == "MemoryError")
        } else { Issue.record("no MemoryError") }
        #expect(interp.run(source: "import sys\nsys.exit(7)") == .systemExit(code: 7))
        #expect(interp.run(source: "raise SystemExit") == .systemExit(code: 0))
    }

    @Test("the filesystem is sandboxed and honours capacity")
    func sandbox() throws {
        let outer = try TestPaths.makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: outer) }
        let flash = outer.appendingPathComponent("flash")
        try FileManager.default.createDirectory(at: flash, withIntermediateDirectories: true)
        try "secret".write(to: outer.appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: flash.appendingPathComponent("escape"), withDestinationURL: outer)
        let (interp, host, _) = try make(flash, capacity: 64 * 1024)
        let outcome = interp.run(source: """
            import os
            for p in ("../secret.txt", "/../secret.txt", "escape/secret.txt"):
                try:
                    open(p).read()
                    print("read", p)
                except OSError as e:
                    print("refused", e.args[0])
            with open("/../inside.txt", "w") as f:
                f.write("ok")
            print(sorted(os.listdir("/")))
            try:
                with open("big.bin", "wb") as f:
                    f.write(bytes(100 * 1024))
            except OSError as e:
                print("full", e.args[0])
            """)
        #expect(outcome == .completed)
        #expect(host.text == "refused 2\nrefused 2\nrefused 13\n['escape', 'inside.txt']\nfull 28\n")
        #expect(FileManager.default.fileExists(atPath: flash.appendingPathComponent("inside.txt").path))
    }
}

final class OutcomeBox: @unchecked Sendable {
    var value: RunOutcome?
}
