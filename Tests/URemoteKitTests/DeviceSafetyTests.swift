import Foundation
import Testing
@testable import URemoteKit

/// A failed or interrupted copy never leaves a truncated file where a good one was, and never
/// leaves a temporary file behind.
@Suite(.serialized) struct DeviceSafetyTests {
    /// Mounts a 32 kB littlefs RAM disk at `/ram` (and the same disk read-only at `/ro`) on the
    /// board, so a full flash and a read-only filesystem can be produced on the real unix port.
    static let ramDiskPrelude = """
    import vfs
    class _RamDisk:
        def __init__(self, bs, n):
            self.bs = bs
            self.data = bytearray(bs * n)
        def readblocks(self, n, buf, off=0):
            a = n * self.bs + off
            buf[:] = self.data[a:a + len(buf)]
        def writeblocks(self, n, buf, off=0):
            a = n * self.bs + off
            self.data[a:a + len(buf)] = buf
        def ioctl(self, op, arg):
            if op == 4: return len(self.data) // self.bs
            if op == 5: return self.bs
            if op == 6: return 0
    _rd = _RamDisk(512, 64)
    vfs.VfsLfs2.mkfs(_rd)
    vfs.mount(vfs.VfsLfs2(_rd), '/ram')
    f = open('/ram/keep.txt', 'w'); f.write('precious'); f.close()
    vfs.mount(vfs.VfsLfs2(_rd), '/ro', readonly=True)
    """

    @Test(arguments: [Set<BoardFeature>(), [.rawStdio]])
    func fullFlashIsReportedAndLeavesTheOldFile(disabled: Set<BoardFeature>) throws {
        let board = try DeviceReferenceBoard()
        defer { board.stop() }
        let session = try board.session()
        _ = try session.runCode(Self.ramDiskPrelude, timeout: .seconds(10))
        let fs = BoardFileSystem(runner: session, disabledFeatures: disabled)
        let big = DeviceTestData.random(100_000)
        #expect(throws: BoardFileError.os(operation: "cp", path: "/ram/keep.txt", errno: BoardErrno.noSpace)) {
            try fs.writeFile(big, to: "/ram/keep.txt")
        }
        #expect(BoardFileError.os(operation: "cp", path: "/ram/keep.txt", errno: 28).description
                == "cp: /ram/keep.txt: No space left on device.")
        #expect(try fs.list("/ram").map(\.name) == ["keep.txt"], "the temporary file is gone")
        #expect(try fs.readFile("/ram/keep.txt") == Array("precious".utf8))
        // The session stays in step: a small file still fits.
        try fs.writeFile(Array("ok".utf8), to: "/ram/small.txt")
        #expect(try fs.readFile("/ram/small.txt") == Array("ok".utf8))
    }

    @Test func readOnlyFilesystemExplainsTheWaysOut() throws {
        let board = try DeviceReferenceBoard()
        defer { board.stop() }
        let session = try board.session()
        _ = try session.runCode(Self.ramDiskPrelude, timeout: .seconds(10))
        let fs = BoardFileSystem(runner: session)
        #expect(throws: BoardFileError.readOnly(operation: "cp", path: "/ro/new.py")) {
            try fs.writeFile([1, 2, 3], to: "/ro/new.py")
        }
        #expect(throws: BoardFileError.readOnly(operation: "mkdir", path: "/ro/d")) { try fs.makeDirectory("/ro/d") }
        let message = BoardFileError.readOnly(operation: "cp", path: "/ro/new.py").description
        #expect(message.contains("storage.unsafe_disable_usb_drive()"))
        #expect(message.contains("storage.remount(\"/\", readonly=False)"))
    }

    @Test func closingTheLinkMidTransferLeavesTheDestinationAsItWas() throws {
        let board = try DeviceReferenceBoard()
        defer { board.stop() }
        let original = Array("the good version\n".utf8)
        try board.write("victim.bin", original)
        let session = try board.session()
        let options = TransferOptions(chunkSize: 4096, boardIdleTimeout: .seconds(1), hostTimeout: .seconds(3))
        let cutter = LinkCutter(link: session.link, afterBytes: 40_000)
        let fs = BoardFileSystem(runner: session, options: options, progress: cutter)
        #expect(throws: BoardFileError.self) { try fs.writeFile(DeviceTestData.random(300_000), to: "victim.bin") }
        #expect(cutter.didCut)
        // The board gives up after its idle timeout and deletes its temporary file.
        Thread.sleep(forTimeInterval: 2)
        let again = try board.fileSystem()
        #expect(try again.readFile("victim.bin") == original)
        #expect(board.allNames() == ["victim.bin"], "no temporary file is left")
        try again.writeFile([7], to: "victim.bin")
        #expect(board.read("victim.bin") == [7])
    }
}

/// Closes the link once a transfer has passed a number of bytes, as an unplugged cable would.
final class LinkCutter: TransferProgressObserver {
    let link: ByteLink
    let afterBytes: Int
    private(set) var didCut = false

    init(link: ByteLink, afterBytes: Int) {
        self.link = link
        self.afterBytes = afterBytes
    }

    func transferProgress(name: String, done: Int, total: Int) {
        if done >= afterBytes && !didCut {
            didCut = true
            link.close()
        }
    }

    func transferEnded(name: String) {}
}
