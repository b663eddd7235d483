import Foundation
import Testing
import URemoteKit
@testable import BoardSimulator

/// The board running uremote's real interpreter: flash limits, the sandbox, interrupts and the
/// board modules, driven through the raw REPL as tools do.
@Suite("Board on the real interpreter")
struct InterpreterBoardTests {
    private func board(capacity: Int = 2 * 1024 * 1024, personality: BoardPersonality = .micropython,
                       files: [String: String] = [:]) throws -> BoardHarness {
        let board = try BoardHarness(personality: personality, files: files, capacity: capacity,
                                     engine: InterpreterEngine.factory)
        if personality == .circuitpython {
            _ = try board.read(until: "Use CTRL-D to reload.\r\n")
            try board.send("\r")
        }
        _ = try board.read(until: ">>> ", timeout: .seconds(10))
        try board.send("\u{1}")
        _ = try board.read(until: "raw REPL; CTRL-B to exit\r\n>")
        return board
    }

    /// Runs code in the raw REPL; returns (stdout, traceback).
    private func run(_ board: BoardHarness, _ code: String, timeout: Duration = .seconds(10)) throws -> (String, String) {
        try board.send(code + "\u{4}")
        let reply = try board.read(until: "\u{4}>", timeout: timeout)
        let body = reply.dropFirst(2).dropLast(2)  // "OK" ... "\x04>"
        let parts = body.split(separator: "\u{4}", omittingEmptySubsequences: false)
        return (String(parts.first ?? ""), parts.count > 1 ? String(parts[1]) : "")
    }

    @Test func fullFlashRaisesENOSPC() throws {
        let board = try board(capacity: 8192)
        let (_, error) = try run(board, "f = open('big.bin', 'wb')\nf.write(bytes(20000))\nf.close()")
        #expect(error.contains("OSError"))
        #expect(error.contains("28"))
        let (out, _) = try run(board, "import os\ns = os.statvfs('/')\nprint(s[0] * s[2])")
        #expect(out == "8192\r\n")
    }

    @Test func pathsCannotLeaveTheFlash() throws {
        let board = try board()
        let outside = NSTemporaryDirectory() + "uremote-outside-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try "secret".write(toFile: outside + "/secret.txt", atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: outside) }
        try FileManager.default.createSymbolicLink(atPath: board.flash + "/escape", withDestinationPath: outside)
        let relative = String(repeating: "../", count: 12) + outside.dropFirst() + "/secret.txt"
        for path in ["/../../../..\(outside)/secret.txt", relative, "/escape/secret.txt"] {
            let (out, error) = try run(board, "print(open('\(path)').read())")
            #expect(!out.contains("secret"), "read \(path)")
            #expect(error.contains("OSError"), "\(path): \(error)")
        }
        let (_, error) = try run(board, "open('/escape/new.txt', 'w').write('x')")
        #expect(error.contains("OSError"))
        #expect(!FileManager.default.fileExists(atPath: outside + "/new.txt"))
    }

    @Test func ctrlCStopsABusyLoopAndASleep() throws {
        let board = try board()
        for code in ["while True:\n    pass", "import time\ntime.sleep(30)"] {
            try board.send(code + "\u{4}")
            _ = try board.read(until: "OK")
            let reply = try board.interrupt(until: "\u{4}>")
            #expect(reply.contains("KeyboardInterrupt"), "\(code)")
        }
    }

    @Test func machineModule() throws {
        let board = try board()
        let (out, error) = try run(board, """
            import machine
            p = machine.Pin(25, machine.Pin.OUT)
            p.on(); a = p.value()
            p.toggle(); b = p.value()
            print(a, b, len(machine.unique_id()), machine.freq() > 0)
            """)
        #expect(error == "")
        #expect(out == "1 0 8 True\r\n")
    }

    @Test func machineResetRestartsTheBoard() throws {
        let board = try board(files: ["main.py": "print('main ran')"])
        try board.send("import machine\nmachine.reset()\u{4}")
        let text = try board.read(until: ">>> ", timeout: .seconds(10))
        #expect(text.contains("main ran\r\n" + FriendlyReplTests.banner))
        #expect(board.board.hardResetCount == 1)
    }

    @Test func selectPollSeesStdin() throws {
        let board = try board()
        try board.send("""
            import select, sys
            p = select.poll()
            p.register(sys.stdin, select.POLLIN)
            print(len(p.poll(0)))
            print('ready')
            print(len(p.poll(5000)), sys.stdin.buffer.read(2))
            \u{4}
            """)
        _ = try board.read(until: "0\r\nready\r\n")
        try board.send("hi")
        #expect(try board.read(until: "\u{4}>").hasPrefix("1 b'hi'\r\n\u{4}\u{4}>"))
    }

    @Test func bootAndMainRunOnTheInterpreter() throws {
        let board = try BoardHarness(files: ["boot.py": "x = 40", "main.py": "print('main', x + 2)"],
                                     engine: InterpreterEngine.factory)
        #expect(try board.read(until: ">>> ", timeout: .seconds(10)) == "main 42\r\n" + FriendlyReplTests.banner + ">>> ")
    }

    @Test func circuitPythonFlashIsReadOnlyAndModulesDiffer() throws {
        let board = try board(personality: .circuitpython)
        let (_, error) = try run(board, "open('x.txt', 'w')")
        #expect(error.hasSuffix("OSError: [Errno 30] Read-only filesystem\r\n"), "\(error)")
        #expect(!FileManager.default.fileExists(atPath: board.flash + "/x.txt"))
        let (out, _) = try run(board, """
            import os, micropython, board, digitalio
            print(hasattr(os, 'ilistdir'), hasattr(micropython, 'kbd_intr'))
            led = digitalio.DigitalInOut(board.LED)
            led.direction = digitalio.Direction.OUTPUT
            led.value = True
            print(led.value)
            """)
        #expect(out == "False False\r\nTrue\r\n")
    }
}

@Suite("input() on the board")
struct BoardInputTests {
    @Test func inputEchoesAndEditsLikeReadline() throws {
        let board = try BoardHarness(engine: InterpreterEngine.factory)
        _ = try board.read(until: ">>> ", timeout: .seconds(10))
        try board.send("name = input('who? ')\r")
        _ = try board.read(until: "')\r\nwho? ")
        try board.send("bobx\u{7F}\r")
        let echoed = try board.read(until: ">>> ")
        #expect(echoed == "bobx\u{8}\u{1B}[K\r\n>>> ", "\(String(reflecting: echoed))")
        try board.send("name\r")
        #expect(try board.read(until: ">>> ") == "name\r\n'bob'\r\n>>> ")
    }

    @Test func ctrlCInterruptsInput() throws {
        let board = try BoardHarness(engine: InterpreterEngine.factory)
        _ = try board.read(until: ">>> ", timeout: .seconds(10))
        try board.send("input()\r")
        _ = try board.read(until: "input()\r\n")
        Thread.sleep(forTimeInterval: 0.3)
        try board.send("ab\u{3}")
        let text = try board.read(until: ">>> ")
        #expect(text.hasPrefix("ab"))
        #expect(text.hasPrefix("abTraceback (most recent call last):\r\n"), "\(String(reflecting: text))")
        #expect(text.contains("KeyboardInterrupt"))
        #expect(text.hasSuffix("\r\n>>> "))
    }
}

@Suite("os.mount of Python filesystems")
struct PythonFileSystemMountTests {
    @Test func vfsFatOnARamBlockDeviceKeepsFiles() throws {
        let board = try BoardHarness(engine: InterpreterEngine.factory)
        _ = try board.read(until: ">>> ", timeout: .seconds(10))
        try board.send("\u{1}")
        _ = try board.read(until: "raw REPL; CTRL-B to exit\r\n>")
        try board.send("""
            import os
            class RAMBlockDev:
                def __init__(self, block_size, num_blocks):
                    self.block_size = block_size
                    self.data = bytearray(block_size * num_blocks)
                def readblocks(self, block_num, buf):
                    for i in range(len(buf)):
                        buf[i] = self.data[block_num * self.block_size + i]
                def writeblocks(self, block_num, buf):
                    for i in range(len(buf)):
                        self.data[block_num * self.block_size + i] = buf[i]
                def ioctl(self, op, arg):
                    if op == 4:
                        return len(self.data) // self.block_size
                    if op == 5:
                        return self.block_size
            bdev = RAMBlockDev(512, 50)
            os.VfsFat.mkfs(bdev)
            os.mount(os.VfsFat(bdev), '/ramdisk')
            os.mkdir('/ramdisk/sub')
            with open('/ramdisk/sub/hello.txt', 'w') as f:
                f.write('Hello world')
            os.umount('/ramdisk')
            os.mount(os.VfsFat(bdev), '/again')
            print(os.listdir('/again/sub'), open('/again/sub/hello.txt').read())
            print('again' in os.listdir('/'))
            \u{4}
            """)
        let reply = try board.read(until: "\u{4}>", timeout: .seconds(10))
        #expect(reply == "OK['hello.txt'] Hello world\r\nTrue\r\n\u{4}\u{4}>", "\(String(reflecting: reply))")
        #expect(!FileManager.default.fileExists(atPath: board.flash + "/again"))
    }
}

@Suite("Tab completion at the prompt")
struct TabCompletionTests {
    private func prompt() throws -> BoardHarness {
        let board = try BoardHarness(engine: InterpreterEngine.factory)
        _ = try board.read(until: ">>> ", timeout: .seconds(10))
        return board
    }

    @Test func completesImportAtTheStartOfALine() throws {
        let board = try prompt()
        try board.send("imp\t")
        #expect(try board.read(until: "ort ") == "import ")
    }

    @Test func completesAttributesOfAModule() throws {
        let board = try prompt()
        try board.send("import os\r")
        _ = try board.read(until: ">>> ")
        try board.send("os.lis\t")
        #expect(try board.read(until: "tdir") == "os.listdir")
    }

    @Test func listsSeveralCandidatesAndRedrawsTheLine() throws {
        let board = try prompt()
        try board.send("alpha_one = 1\ralpha_two = 2\r")
        _ = try board.read(until: "alpha_two = 2\r\n>>> ")
        try board.send("alpha\t")
        #expect(try board.read(until: "alpha_") == "alpha_")
        try board.send("\t")
        let listed = try board.read(until: ">>> alpha_")
        #expect(listed == "\r\nalpha_one       alpha_two\r\n>>> alpha_", "\(String(reflecting: listed))")
    }
}

@Suite("CircuitPython storage.remount")
struct CircuitPythonStorageTests {
    private func rawBoard(files: [String: String]) throws -> BoardHarness {
        let board = try BoardHarness(personality: .circuitpython, files: files, engine: InterpreterEngine.factory)
        _ = try board.read(until: "Use CTRL-D to reload.\r\n", timeout: .seconds(10))
        try board.send("\r")
        _ = try board.read(until: ">>> ")
        try board.send("\u{1}")
        _ = try board.read(until: "raw REPL; CTRL-B to exit\r\n>")
        return board
    }

    @Test func bootPyCanGiveTheFlashToPython() throws {
        let board = try rawBoard(files: ["boot.py": "import storage\nstorage.remount('/', readonly=False)\n"])
        try board.send("open('log.txt', 'w').write('kept')\u{4}")
        #expect(try board.read(until: "\u{4}>") == "OK\u{4}\u{4}>")
        #expect(try String(contentsOfFile: board.flash + "/log.txt", encoding: .utf8) == "kept")
    }

    @Test func remountOutsideBootPyIsRefused() throws {
        let board = try rawBoard(files: [:])
        try board.send("import storage\nstorage.remount('/', readonly=False)\u{4}")
        let reply = try board.read(until: "\u{4}>")
        #expect(reply.contains("RuntimeError: Cannot remount '/' when visible via USB."), "\(reply)")
    }
}
