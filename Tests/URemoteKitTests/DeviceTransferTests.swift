import Foundation
import Testing
@testable import URemoteKit

/// Uploads and downloads on every transfer path, verified byte for byte on the host side of the
/// unix port's filesystem.
@Suite(.serialized) struct DeviceTransferTests {
    static let pathVariants: [Set<BoardFeature>] = [[], [.deflate], [.rawStdio], [.hashlib], [.ilistdir], [.rawStdio, .hashlib]]

    @Test(arguments: pathVariants)
    func roundTripsBinaryAndSource(disabled: Set<BoardFeature>) throws {
        let board = try DeviceReferenceBoard()
        defer { board.stop() }
        let fs = try board.fileSystem(disabling: disabled)
        let binary = DeviceTestData.random(70_000)
        let source = DeviceTestData.source(lines: 800)
        try board.write("bin.dat", [9, 9, 9])
        try fs.upload([UploadItem(data: binary, remotePath: "bin.dat"), UploadItem(data: source, remotePath: "src.py"),
                       UploadItem(data: [], remotePath: "empty")])
        #expect(board.read("bin.dat") == binary)
        #expect(board.read("src.py") == source)
        #expect(board.read("empty") == [])
        #expect(board.allNames() == ["bin.dat", "empty", "src.py"], "no temporary files remain")
        #expect(try fs.readFile("bin.dat") == binary)
        #expect(try fs.readFile("src.py") == source)
        #expect(try fs.list("").map(\.name).sorted() == ["bin.dat", "empty", "src.py"])
    }

    @Test func compressionIsUsedOnlyWhenItPays() throws {
        let deflater = ChunkDeflater(windowBits: 10)
        let source = DeviceTestData.source(lines: 100)
        let packed = try #require(deflater.deflate(source[...]))
        #expect(packed.count * 2 < source.count)
        #expect(ChunkDeflater.inflate(packed, windowBits: 10, expectedSize: source.count) == source)
        let random = DeviceTestData.random(4096)
        let packedRandom = try #require(deflater.deflate(random[...]))
        #expect(packedRandom.count >= random.count)
        #expect(deflater.deflate(DeviceTestData.random(32768)[...]) == nil, "large random chunks are not even tried")
    }

    @Test func escapingKeepsCtrlCOffTheWireAndRespectsTheLimit() {
        let input: [UInt8] = [1, 3, 16, 3, 200, 16]
        let all = TransferFrame.escape(input[...], limit: 100)
        #expect(all.consumed == 6)
        #expect(!all.bytes.contains(3))
        #expect(all.bytes == [1, 0x10, 0x43, 0x10, 0x50, 0x10, 0x43, 200, 0x10, 0x50])
        let cut = TransferFrame.escape(input[...], limit: 4)
        #expect(cut.consumed == 2 && cut.bytes == [1, 0x10, 0x43])
    }

    @Test func uploadsBytesThatNeedEscapingAtBufferBoundaries() throws {
        let board = try DeviceReferenceBoard()
        defer { board.stop() }
        let fs = try board.fileSystem(options: TransferOptions(compress: false, chunkSize: 512))
        let nasty = [UInt8](repeating: 3, count: 1500) + [UInt8](repeating: 16, count: 700) + DeviceTestData.random(3000)
        try fs.writeFile(nasty, to: "nasty.bin")
        #expect(board.read("nasty.bin") == nasty)
        #expect(try fs.readFile("nasty.bin") == nasty)
    }

    @Test func missingSourceFileIsAnOSErrorNamingIt() throws {
        let board = try DeviceReferenceBoard()
        defer { board.stop() }
        let fs = try board.fileSystem()
        #expect(throws: BoardFileError.os(operation: "cp", path: "nope.bin", errno: 2)) { try fs.readFile("nope.bin") }
        // The session is still usable afterwards.
        try fs.touch("ok")
        #expect(board.read("ok") == [])
    }

    @Test func uploadIntoMissingDirectoryFailsCleanly() throws {
        let board = try DeviceReferenceBoard()
        defer { board.stop() }
        let fs = try board.fileSystem()
        #expect(throws: BoardFileError.os(operation: "cp", path: "no/dir/x", errno: 2)) {
            try fs.writeFile([1, 2, 3], to: "no/dir/x")
        }
        try fs.writeFile([4], to: "y")
        #expect(board.read("y") == [4])
    }
}
