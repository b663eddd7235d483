import Foundation
import Testing
@testable import URemoteKit

/// The host side of mount without a board: paths, the sandbox, reads and safe writes.
@Suite struct MountFileServerTests {
    final class Scratch {
        let root: URL
        let folder: URL
        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("uremote-mount-unit-\(UUID().uuidString)")
            folder = root.appendingPathComponent("host")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        func put(_ relative: String, _ text: String, outside: Bool = false) throws {
            let url = (outside ? root : folder).appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        func read(_ relative: String) -> String? {
            try? String(contentsOf: folder.appendingPathComponent(relative), encoding: .utf8)
        }
        deinit { try? FileManager.default.removeItem(at: root) }
    }

    /// Status and payload of the answer to one request.
    private func ask(_ server: MountFileServer, _ op: MountOp, _ payload: [UInt8]) -> (status: UInt8, payload: [UInt8]) {
        let answer = server.answer(MountRequest(op: op, payload: payload))
        #expect(Array(answer.prefix(2)) == MountWire.magic)
        let length = Int(answer[3]) | Int(answer[4]) << 8 | Int(answer[5]) << 16 | Int(answer[6]) << 24
        #expect(answer.count == 7 + length)
        return (answer[2], Array(answer.dropFirst(7)))
    }

    private func u32(_ value: UInt32) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.appendLittleEndian(value)
        return bytes
    }

    @Test func statAnswersWithTheParentListingForTheAgentsCache() throws {
        let scratch = try Scratch()
        try scratch.put("pkg/a.py", "A = 1\n")
        try scratch.put("pkg/b.py", "B = 2\n")
        let server = try MountFileServer(folder: scratch.folder.path, allowsOutsideLinks: false)
        let found = ask(server, .stat, [1] + Array("/pkg/a.py".utf8))
        #expect(found.status == 0)
        #expect(found.payload[0] == 0)
        #expect(Array(found.payload[1...4]) == u32(0x8000))
        #expect(Array(found.payload[5...8]) == u32(6))
        #expect(found.payload[13] == 1, "listing included")
        let names = String(decoding: found.payload.dropFirst(14), as: UTF8.self)
        #expect(names.contains("a.py") && names.contains("b.py"))
        let missing = ask(server, .stat, [0] + Array("/pkg/zz.mpy".utf8))
        #expect(missing.payload[0] == 2)
        #expect(missing.payload.count == 14, "no listing when not asked")
    }

    @Test func smallFilesComeWholeWithTheOpenAndBigOnesInBlocks() throws {
        let scratch = try Scratch()
        try scratch.put("small.py", "print('hi')\n")
        let big = String(repeating: "abcdefghij", count: 1000)
        try scratch.put("big.txt", big)
        let server = try MountFileServer(folder: scratch.folder.path, allowsOutsideLinks: false)
        let small = ask(server, .open, Array("r\0/small.py".utf8))
        #expect(Array(small.payload[0..<4]) == u32(0), "no handle: nothing left to read or close")
        #expect(String(decoding: small.payload.dropFirst(8), as: UTF8.self) == "print('hi')\n")
        let opened = ask(server, .open, Array("r\0/big.txt".utf8))
        let handle = Array(opened.payload[0..<4])
        #expect(handle != u32(0))
        #expect(Array(opened.payload[4..<8]) == u32(10000))
        #expect(opened.payload.count == 8 + MountWire.readBlock)
        let tail = ask(server, .read, handle + u32(9995) + u32(100))
        #expect(String(decoding: tail.payload, as: UTF8.self) == "fghij")
        #expect(ask(server, .close, handle).status == 0)
        #expect(ask(server, .read, handle + u32(0) + u32(10)).status == 9, "closed handle is EBADF")
    }

    @Test func writesReplaceTheFileOnlyOnCloseAndAnUnfinishedWriteLeavesNoTrace() throws {
        let scratch = try Scratch()
        try scratch.put("data.txt", "old contents")
        let server = try MountFileServer(folder: scratch.folder.path, allowsOutsideLinks: false)
        let opened = ask(server, .open, Array("w\0/data.txt".utf8))
        #expect(opened.status == 0)
        let handle = Array(opened.payload[0..<4])
        #expect(ask(server, .write, handle + u32(0) + Array("new".utf8)).status == 0)
        #expect(scratch.read("data.txt") == "old contents", "not replaced before close")
        #expect(ask(server, .close, handle).status == 0)
        #expect(scratch.read("data.txt") == "new")

        let interrupted = ask(server, .open, Array("w\0/data.txt".utf8))
        _ = ask(server, .write, Array(interrupted.payload[0..<4]) + u32(0) + Array("half-writ".utf8))
        server.discardUnfinishedWrites()  // what happens when the board goes away mid-write
        #expect(scratch.read("data.txt") == "new")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.folder.path)
        #expect(leftovers == ["data.txt"])
    }

    @Test func appendKeepsTheOldContentsAndExclusiveCreateRefusesExistingFiles() throws {
        let scratch = try Scratch()
        try scratch.put("log.txt", "one\n")
        let server = try MountFileServer(folder: scratch.folder.path, allowsOutsideLinks: false)
        let opened = ask(server, .open, Array("a\0/log.txt".utf8))
        #expect(Array(opened.payload[4..<8]) == u32(4))
        let handle = Array(opened.payload[0..<4])
        _ = ask(server, .write, handle + u32(4) + Array("two\n".utf8))
        _ = ask(server, .close, handle)
        #expect(scratch.read("log.txt") == "one\ntwo\n")
        #expect(ask(server, .open, Array("x\0/log.txt".utf8)).status == 17)
    }

    @Test func nothingOutsideTheFolderIsReachable() throws {
        let scratch = try Scratch()
        try scratch.put("secret.txt", "secret", outside: true)
        try scratch.put("inside.txt", "inside")
        let folder = scratch.folder.path
        try FileManager.default.createSymbolicLink(atPath: folder + "/link.txt", withDestinationPath: scratch.root.path + "/secret.txt")
        try FileManager.default.createSymbolicLink(atPath: folder + "/up", withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: folder + "/dangling", withDestinationPath: scratch.root.path + "/new.txt")
        try FileManager.default.createSymbolicLink(atPath: folder + "/same.txt", withDestinationPath: "inside.txt")
        let server = try MountFileServer(folder: folder, allowsOutsideLinks: false)
        for attempt in ["r\0/../secret.txt", "r\0/a/../../secret.txt", "r\0/link.txt", "r\0/up/secret.txt",
                        "w\0/up/evil.txt", "w\0/dangling", "r\0../secret.txt"] {
            #expect(ask(server, .open, Array(attempt.utf8)).status == 1, "\(attempt)")
        }
        #expect(ask(server, .stat, [0] + Array("/link.txt".utf8)).payload[0] == 1)
        #expect(ask(server, .list, Array("/up".utf8)).status == 1)
        #expect(ask(server, .mkdir, Array("/up/newdir".utf8)).status == 1)
        #expect(ask(server, .rename, Array("/inside.txt\0/../moved.txt".utf8)).status == 1)
        #expect(!FileManager.default.fileExists(atPath: scratch.root.path + "/new.txt"))
        #expect(!FileManager.default.fileExists(atPath: scratch.root.path + "/evil.txt"))
        #expect(String(decoding: ask(server, .open, Array("r\0/same.txt".utf8)).payload.dropFirst(8), as: UTF8.self) == "inside")

        let unsafe = try MountFileServer(folder: folder, allowsOutsideLinks: true)
        #expect(String(decoding: ask(unsafe, .open, Array("r\0/link.txt".utf8)).payload.dropFirst(8), as: UTF8.self) == "secret")
        #expect(ask(unsafe, .open, Array("r\0/../secret.txt".utf8)).status == 1, "`..` stays refused")
    }

    @Test func malformedRequestsAreEINVALNotACrash() throws {
        let scratch = try Scratch()
        let server = try MountFileServer(folder: scratch.folder.path, allowsOutsideLinks: false)
        #expect(ask(server, .read, [1, 2]).status == 22)
        #expect(ask(server, .open, Array("r".utf8)).status == 22)
        #expect(ask(server, .stat, []).status == 22)
        #expect(ask(server, .list, [0xFF, 0xFE]).status == 22)
    }
}
