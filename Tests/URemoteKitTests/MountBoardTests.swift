import Foundation
import Testing
@testable import URemoteKit

/// Mounting a host folder on real MicroPython (the unix port behind scripts/micropython-board).
@Suite(.serialized) struct MountBoardTests {
    @Test func importsAModuleFromTheFolder() throws {
        let board = try MountReferenceBoard()
        try board.put("mod.py", "def f():\n    return 6 * 7\n")
        let (session, link) = try board.connect()
        defer { session.close() }
        try link.mount(folder: board.folder.path, allowsOutsideLinks: false, through: session)
        #expect(try session.run("import mod; print(mod.f())") == "42\n")
        #expect(try session.run("import os; print(os.getcwd())") == "/remote\n")
    }

    @Test func importsAPackageWithSubpackages() throws {
        let board = try MountReferenceBoard()
        try board.put("pkg/__init__.py", "from . import sub\nNAME = 'pkg'\n")
        try board.put("pkg/sub/__init__.py", "")
        try board.put("pkg/sub/leaf.py", "from pkg.sub import deeper\nVALUE = deeper.X + 1\n")
        try board.put("pkg/sub/deeper.py", "X = 41\n")
        let (session, link) = try board.connect()
        defer { session.close() }
        try link.mount(folder: board.folder.path, allowsOutsideLinks: false, through: session)
        #expect(try session.run("import pkg.sub.leaf as l, pkg; print(l.VALUE, pkg.NAME)") == "42 pkg\n")
    }

    @Test func filesWrittenOnTheBoardAppearOnTheHost() throws {
        let board = try MountReferenceBoard()
        let (session, link) = try board.connect()
        defer { session.close() }
        try link.mount(folder: board.folder.path, allowsOutsideLinks: false, through: session)
        let big = String(repeating: "0123456789", count: 1000)
        _ = try session.run("""
            import os
            os.mkdir('out')
            with open('out/a.txt', 'w') as f:
                f.write('hello\\n')
                f.write('world\\n')
            with open('/remote/out/big.bin', 'wb') as f:
                f.write(b'\(big)')
            with open('out/a.txt', 'a') as f:
                f.write('again\\n')
            """)
        let text = try String(contentsOf: board.folder.appendingPathComponent("out/a.txt"), encoding: .utf8)
        #expect(text == "hello\nworld\nagain\n")
        let bigOnHost = try String(contentsOf: board.folder.appendingPathComponent("out/big.bin"), encoding: .utf8)
        #expect(bigOnHost == big)
        #expect(try session.run("""
            print(open('out/a.txt').read().split())
            print(len(open('out/big.bin','rb').read()))
            f = open('out/big.bin', 'rb'); f.seek(9995); print(f.read()); f.close()
            print(sorted(os.listdir('out')), os.stat('out/big.bin')[6])
            os.rename('out/a.txt', 'out/b.txt'); os.remove('out/big.bin')
            print(os.listdir('out'))
            for line in open('out/b.txt'): print(repr(line))
            """) == """
            ['hello', 'world', 'again']
            10000
            b'56789'
            ['a.txt', 'big.bin'] 10000
            ['b.txt']
            'hello\\n'
            'world\\n'
            'again\\n'

            """)
        #expect(FileManager.default.fileExists(atPath: board.folder.appendingPathComponent("out/b.txt").path))
    }
}
