import Foundation
import Testing
@testable import URemoteKit

/// Every filesystem operation against real MicroPython on a pty.
@Suite(.serialized) struct DeviceFileSystemTests {
    @Test func listsNamesTypesAndMissingPaths() throws {
        let board = try DeviceReferenceBoard()
        defer { board.stop() }
        try board.write("main.py", Array("print(1)\n".utf8))
        try board.write("lib/util.py", Array("x = 1\n".utf8))
        let fs = try board.fileSystem()
        let entries = try fs.list("")
        #expect(entries.map(\.name).sorted() == ["lib", "main.py"])
        #expect(entries.first { $0.name == "lib" }?.isDirectory == true)
        #expect(try fs.list("", exactSizes: true).first { $0.name == "main.py" }?.size == 9)
        #expect(throws: BoardFileError.os(operation: "ls", path: "nonexist", errno: 2)) { try fs.list("nonexist") }
        #expect(BoardFileError.os(operation: "ls", path: "nonexist", errno: 2).description
                == "ls: nonexist: No such file or directory.")
        #expect(try fs.stat("main.py")?.size == 9)
        #expect(try fs.stat("missing") == nil)
    }

    @Test func createsAndRemovesFilesAndDirectories() throws {
        let board = try DeviceReferenceBoard()
        defer { board.stop() }
        let fs = try board.fileSystem()
        try fs.makeDirectory("d")
        #expect(throws: BoardFileError.os(operation: "mkdir", path: "d", errno: 17)) { try fs.makeDirectory("d") }
        try fs.touch("d/a.txt")
        #expect(board.read("d/a.txt") == [])
        try board.write("d/a.txt", [1, 2, 3])
        try fs.touch("d/a.txt")
        #expect(board.read("d/a.txt") == [1, 2, 3], "touch keeps existing content")
        try fs.makeDirectory("d/e")
        try fs.touch("d/e/b.txt")
        #expect(throws: BoardFileError.self) { try fs.removeDirectory("d") }
        let removed = try fs.remove("d", recursive: true, verbose: true)
        #expect(removed.contains("removed: 'd/e/b.txt'"))
        #expect(removed.last == "removed directory: 'd'")
        #expect(board.allNames().isEmpty)
        try fs.touch("f")
        try fs.remove("f")
        #expect(throws: BoardFileError.os(operation: "rm", path: "f", errno: 2)) { try fs.remove("f") }
    }

    @Test func treeIsSortedAndNested() throws {
        let board = try DeviceReferenceBoard()
        defer { board.stop() }
        try board.write("b/z.py", [1])
        try board.write("b/a.py", [1, 2])
        try board.write("a.txt", [])
        let tree = try board.fileSystem().tree("", exactSizes: true)
        #expect(tree.map(\.entry.name) == ["a.txt", "b"])
        #expect(tree[1].children.map(\.entry.name) == ["a.py", "z.py"])
        #expect(tree[1].children[0].entry.size == 2)
    }

    @Test func hashesOnTheBoardAndOnTheHost() throws {
        let board = try DeviceReferenceBoard()
        defer { board.stop() }
        try board.write("h.bin", Array("abc".utf8))
        let expected = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        #expect(hexString(try board.fileSystem().hash("h.bin", algorithm: "sha256")) == expected)
        #expect(hexString(try board.fileSystem(disabling: [.hashlib]).hash("h.bin", algorithm: "sha256")) == expected)
        #expect(hexString(try board.fileSystem().hash("h.bin", algorithm: "md5")) == "900150983cd24fb0d6963f7d28e17f72")
        #expect(throws: BoardFileError.os(operation: "sha256sum", path: "none", errno: 2)) {
            try board.fileSystem().hash("none", algorithm: "sha256")
        }
    }

    @Test func reportsDiskUsage() throws {
        let board = try DeviceReferenceBoard()
        defer { board.stop() }
        let usage = try board.fileSystem().diskUsage()
        #expect(!usage.isEmpty)
        #expect(usage.allSatisfy { $0.size > 0 && $0.available <= $0.size })
    }

    @Test func helperIsSentOncePerBoardNotPerCall() throws {
        let board = try DeviceReferenceBoard()
        defer { board.stop() }
        let recorder = RecordingRunner(try board.session())
        let fs = BoardFileSystem(runner: recorder)
        _ = try fs.list("")
        try fs.touch("a")
        _ = try fs.stat("a")
        #expect(recorder.codes.filter { $0.contains("exec(_ur_b)") }.count == 1, "one install of the helper")
        // A later session (a new uremote invocation) finds the helper already there.
        let again = RecordingRunner(recorder.inner)
        _ = try BoardFileSystem(runner: again).list("")
        #expect(again.codes.filter { $0.contains("exec(_ur_b)") }.isEmpty)
        #expect(again.codes.count == 1, "the probe and the listing share one round trip")
    }
}

/// Counts what is sent to the board.
final class RecordingRunner: BoardCodeRunner {
    let inner: BoardSession
    var codes: [String] = []
    init(_ inner: BoardSession) { self.inner = inner }
    var link: ByteLink { inner.link }
    func runCode(_ code: String, timeout: Duration?) throws -> BoardOutput {
        codes.append(code)
        return try inner.runCode(code, timeout: timeout)
    }
    func startCode(_ code: String) throws {
        codes.append(code)
        try inner.startCode(code)
    }
    func finishCode(timeout: Duration?) throws -> BoardOutput { try inner.finishCode(timeout: timeout) }
}
