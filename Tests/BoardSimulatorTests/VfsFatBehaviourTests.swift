import Foundation
import Testing
@testable import BoardSimulator

/// What mpremote's behaviour tests rely on from a FAT RAM disk: MicroPython detects the
/// filesystem on a bare block device, directories list in FAT's entry order (creation order, a
/// freed entry reused by the next name that fits, long names needing more entries), and
/// removing the root, a mount point or a non-empty directory fails with MicroPython's errnos.
@Suite("VfsFat as MicroPython's FAT behaves")
struct VfsFatBehaviourTests {
    private func run(_ code: String) throws -> String {
        let board = try BoardHarness(engine: InterpreterEngine.factory)
        _ = try board.read(until: ">>> ", timeout: .seconds(10))
        try board.send("\u{1}")
        _ = try board.read(until: "raw REPL; CTRL-B to exit\r\n>")
        try board.send("""
            import os, vfs
            class Disk:
                def __init__(self, n):
                    self.m = bytearray(512 * n)
                def readblocks(self, b, buf):
                    buf[:] = self.m[b * 512:b * 512 + len(buf)]
                def writeblocks(self, b, buf):
                    self.m[b * 512:b * 512 + len(buf)] = buf
                def ioctl(self, op, arg):
                    return len(self.m) // 512 if op == 4 else 512 if op == 5 else None
            disk = Disk(40)
            vfs.VfsFat.mkfs(disk)
            vfs.mount(disk, '/fat')
            os.chdir('/fat')
            def err(f, *a):
                try:
                    f(*a)
                except OSError as e:
                    return e.errno

            """ + code + "\n\u{4}")
        let reply = try board.read(until: "\u{4}>", timeout: .seconds(20))
        return reply.replacingOccurrences(of: "\r\n", with: "\n")
    }

    @Test func listingFollowsEntryOrderWithFreedSlotsReused() throws {
        let reply = try run("""
            for n in ['a.py', 'b.py', 'c.py', 'd.py']:
                open(n, 'w').close()
            os.mkdir('aaa')
            os.remove('b.py')
            os.remove('c.py')
            print(os.listdir())
            open('x.py', 'w').close()
            open('a_long_name.py', 'w').close()
            print(os.listdir())
            os.rename('a.py', 'renamed_long.py')
            print(os.listdir())
            """)
        #expect(reply == "OK['a.py', 'd.py', 'aaa']\n['a.py', 'x.py', 'd.py', 'aaa', 'a_long_name.py']\n"
                + "['x.py', 'd.py', 'aaa', 'a_long_name.py', 'renamed_long.py']\n\u{4}\u{4}>", "\(reply)")
    }

    @Test func rootAndMountPointCannotBeRemoved() throws {
        let reply = try run("""
            print(err(os.rmdir, '/fat'), err(os.rmdir, '/'), err(vfs.mount, disk, '/fat'))
            os.mkdir('/fat/d')
            os.rename('/fat/d', '/fat/e')
            os.mkdir('/fat/e/f')
            os.rename('/fat/e', '/fat/g')
            print(os.listdir('/fat/g'), err(os.rmdir, '/fat/g'))
            """)
        #expect(reply == "OK22 1 1\n['f'] 13\n\u{4}\u{4}>", "\(reply)")
    }
}
