import Foundation
import Testing
@testable import URemoteKit

/// `sync` against real MicroPython (the unix port on a pty, whose flash is a host folder).
@Suite(.serialized) struct DeploySyncTests {
    static func makeProject() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("uremote-sync-\(UUID().uuidString)")
        let files: [(String, [UInt8])] = [
            ("main.py", Array("print('hello')\n".utf8)),
            ("lib/util.py", DeviceTestData.source(lines: 40)),
            ("lib/drivers/sensor.py", DeviceTestData.source(lines: 3)),
            ("data/blob.bin", DeviceTestData.random(5000)),
            ("notes.txt", Array("not for the board\n".utf8)),
            ("__pycache__/main.cpython-312.pyc", [1, 2, 3]),
        ]
        for (path, bytes) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        try Data("*.txt\n".utf8).write(to: root.appendingPathComponent(".uremoteignore"))
        return root
    }

    @Test func firstSyncUploadsEverythingSecondTakesOneRoundTrip() throws {
        let board = try DeviceReferenceBoard()
        defer { board.stop() }
        let project = try Self.makeProject()
        defer { try? FileManager.default.removeItem(at: project) }

        let runner = RecordingRunner(try board.session())
        let syncer = BoardSyncer(fileSystem: BoardFileSystem(runner: runner))
        let first = try syncer.sync(local: project.path, remote: "app")
        #expect(Set(first.uploads.map(\.relativePath)) == ["main.py", "lib/util.py", "lib/drivers/sensor.py", "data/blob.bin"])
        #expect(first.uploads.allSatisfy { $0.reason == .new })
        for path in ["main.py", "lib/util.py", "lib/drivers/sensor.py", "data/blob.bin"] {
            let expected = try LocalFile.read(project.appendingPathComponent(path).path)
            #expect(board.read("app/" + path) == expected, "\(path) arrived intact")
        }
        #expect(board.read("app/notes.txt") == nil, ".uremoteignore excluded it")
        #expect(board.read("app/__pycache__/main.cpython-312.pyc") == nil, "caches never go to the board")
        #expect(!board.allNames().contains { $0.hasSuffix(".uremote-tmp") })

        // A fresh session, as a second `uremote sync` would have: exactly one execution.
        runner.inner.close()
        let second = RecordingRunner(try board.session())
        let again = try BoardSyncer(fileSystem: BoardFileSystem(runner: second)).sync(local: project.path, remote: "app")
        #expect(again.isEmpty)
        #expect(again.unchanged.count == 4)
        #expect(second.codes.count == 1, "one round trip for an unchanged tree, got \(second.codes.count)")
    }

    @Test func changesDeleteAndDryRun() throws {
        let board = try DeviceReferenceBoard()
        defer { board.stop() }
        let project = try Self.makeProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let fs = BoardFileSystem(runner: try board.session())
        try BoardSyncer(fileSystem: fs).sync(local: project.path, remote: "")

        // Same size, different bytes: caught by the hash, not the size.
        try Data("print('HELLO')\n".utf8).write(to: project.appendingPathComponent("main.py"))
        try board.write("stale.py", Array("old\n".utf8))
        try board.write("old/pkg/x.py", Array("x\n".utf8))
        try board.write("keep.txt", Array("board-only log\n".utf8))
        let before = board.allNames()

        let dry = BoardSyncer(fileSystem: fs, options: .init(delete: true, dryRun: true))
        let wouldDo = try dry.sync(local: project.path, remote: "")
        #expect(wouldDo.uploads.map(\.relativePath) == ["main.py"])
        #expect(wouldDo.uploads.first?.reason == .changed)
        #expect(wouldDo.filesToDelete == ["old/pkg/x.py", "stale.py"])
        #expect(wouldDo.directoriesToDelete == ["old/pkg", "old"])
        #expect(board.allNames() == before, "--dry-run changed nothing")
        #expect(board.read("main.py") == Array("print('hello')\n".utf8))

        try BoardSyncer(fileSystem: fs, options: .init(delete: true)).sync(local: project.path, remote: "")
        #expect(board.read("main.py") == Array("print('HELLO')\n".utf8))
        #expect(board.read("stale.py") == nil)
        #expect(board.read("old/pkg/x.py") == nil)
        #expect(!FileManager.default.fileExists(atPath: board.hostPath("old")))
        #expect(board.read("keep.txt") == Array("board-only log\n".utf8), "excluded paths are never deleted")
        #expect(try BoardSyncer(fileSystem: fs, options: .init(delete: true)).plan(local: project.path, remote: "").isEmpty)
    }

    @Test func excludeOptionAndSingleFile() throws {
        let board = try DeviceReferenceBoard()
        defer { board.stop() }
        let project = try Self.makeProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let fs = BoardFileSystem(runner: try board.session())
        try BoardSyncer(fileSystem: fs, options: .init(excludes: ["data/", "/lib/drivers"])).sync(local: project.path, remote: "")
        #expect(board.read("lib/util.py") != nil)
        #expect(board.read("lib/drivers/sensor.py") == nil)
        #expect(board.read("data/blob.bin") == nil)

        try BoardSyncer(fileSystem: fs).sync(local: project.appendingPathComponent("main.py").path, remote: "one")
        #expect(board.read("one/main.py") == Array("print('hello')\n".utf8))
    }
}
