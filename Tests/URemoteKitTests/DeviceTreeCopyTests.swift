import Foundation
import Testing
@testable import URemoteKit

/// `cp -r` plans a whole tree in one round trip and uploads every changed file in one execution.
@Suite(.serialized) struct DeviceTreeCopyTests {
    static func makeLocalTree(files: Int) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("uremote-tree-\(UUID().uuidString)/proj")
        for i in 0..<files {
            let dir = root.appendingPathComponent(i % 3 == 0 ? "" : "pkg\(i % 3)/sub")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try Data(DeviceTestData.source(lines: 5 + i)).write(to: dir.appendingPathComponent("m\(i).py"))
        }
        return root
    }

    @Test func unchangedTreeIsRecopiedInOneRoundTrip() throws {
        let board = try DeviceReferenceBoard()
        defer { board.stop() }
        let local = try Self.makeLocalTree(files: 50)
        defer { try? FileManager.default.removeItem(at: local.deletingLastPathComponent()) }

        let first = RecordingRunner(try board.session())
        let fs = BoardFileSystem(runner: first)
        _ = try fs.capabilities()
        first.codes.removeAll()
        try BoardCopier(fileSystem: fs).copy(local.path, to: ":", recursive: true)
        #expect(first.codes.count == 2, "one plan (with mkdirs), one upload execution: \(first.codes.count)")
        let tree = try LocalTree.walk(local.path, operation: "cp")
        for file in tree.files {
            let expected = try LocalFile.read(file.localPath)
            #expect(board.read("proj/" + file.relativePath) == expected)
        }

        let second = RecordingRunner(first.inner)
        var notes: [String] = []
        let fs2 = BoardFileSystem(runner: second)
        _ = try fs2.capabilities()
        second.codes.removeAll()
        try BoardCopier(fileSystem: fs2, note: { notes.append($0) }).copy(local.path, to: ":", recursive: true)
        #expect(second.codes.count == 1)
        #expect(notes.count == 50)
        #expect(notes.first?.hasPrefix("Up to date: ./proj/") == true)

        // One changed file: still one plan, then one upload of just that file.
        try Data("changed\n".utf8).write(to: local.appendingPathComponent("m0.py"))
        notes.removeAll()
        second.codes.removeAll()
        try BoardCopier(fileSystem: fs2, note: { notes.append($0) }).copy(local.path, to: ":", recursive: true)
        #expect(second.codes.count == 2)
        #expect(notes.count == 49)
        #expect(board.read("proj/m0.py") == Array("changed\n".utf8))
    }

    @Test func copyIntoExistingDirectoryNestsAndDownloadsBack() throws {
        let board = try DeviceReferenceBoard()
        defer { board.stop() }
        let local = try Self.makeLocalTree(files: 7)
        defer { try? FileManager.default.removeItem(at: local.deletingLastPathComponent()) }
        try FileManager.default.createDirectory(atPath: board.hostPath("lib"), withIntermediateDirectories: true)
        let fs = try board.fileSystem()
        try BoardCopier(fileSystem: fs).copy(local.path + "/", to: ":lib/", recursive: true)
        #expect(board.read("lib/proj/m0.py") == DeviceTestData.source(lines: 5))
        #expect(board.read("lib/proj/pkg1/sub/m1.py") == DeviceTestData.source(lines: 6))

        let back = local.deletingLastPathComponent().appendingPathComponent("back")
        try BoardCopier(fileSystem: fs).copy(":lib/proj", to: back.path, recursive: true)
        let original = try LocalTree.walk(local.path, operation: "cp")
        let copied = try LocalTree.walk(back.path, operation: "cp")
        #expect(copied.files.map(\.relativePath) == original.files.map(\.relativePath))
        for (a, b) in zip(original.files, copied.files) {
            #expect(try LocalFile.read(a.localPath) == LocalFile.read(b.localPath))
        }
    }

    @Test func singleFileRulesMatchMpremote() throws {
        let board = try DeviceReferenceBoard()
        defer { board.stop() }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("uremote-cp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("a.py")
        try Data("x = 1\n".utf8).write(to: file)
        let fs = try board.fileSystem()
        var notes: [String] = []
        let copier = BoardCopier(fileSystem: fs, note: { notes.append($0) })
        try copier.copy(file.path, to: ":", recursive: false)
        #expect(board.read("a.py") == Array("x = 1\n".utf8))
        try copier.copy(file.path, to: ":", recursive: false)
        #expect(notes == ["Up to date: ./a.py"])
        try copier.copy(file.path, to: ":b.py", recursive: false)
        #expect(board.read("b.py") == Array("x = 1\n".utf8))
        #expect(throws: BoardFileError.usage("cp: destination is not a directory")) {
            try copier.copy(file.path, to: ":b.py/", recursive: false)
        }
        #expect(throws: BoardFileError.usage("cp: -r not specified; omitting directory")) {
            try copier.copy(dir.path, to: ":", recursive: false)
        }
        let out = dir.appendingPathComponent("out.py")
        try copier.copy(":b.py", to: out.path, recursive: false)
        #expect(try LocalFile.read(out.path) == Array("x = 1\n".utf8))
        #expect(throws: BoardFileError.os(operation: "cp", path: "missing.py", errno: 2)) {
            try copier.copy(":missing.py", to: out.path, recursive: false)
        }
        #expect(try LocalFile.read(out.path) == Array("x = 1\n".utf8), "a failed download leaves the local file")
    }
}
