import Foundation
import Testing

/// Many-file uploads to real MicroPython behind a link throttled to 115200 baud: the reference
/// board's harness holds a fast writer back, so uploads run their deep pipeline across file
/// boundaries here, and every file must still arrive whole, with nothing temporary left behind.
@Suite(.serialized) struct FileSystemThrottledLinkTests {
    private func makeProject(in root: URL) throws -> URL {
        let project = root.appendingPathComponent("proj")
        for index in 0..<20 {
            let folder = index % 3 == 0 ? project : project.appendingPathComponent("pkg\(index % 2)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let text = (0..<(10 + index * 7)).map { "value_\(index)_\($0) = \($0 * index)\n" }.joined()
            try Data(text.utf8).write(to: folder.appendingPathComponent("m\(index).py"))
        }
        return project
    }

    private func expectSame(_ project: URL, _ copy: URL) throws {
        let names = try FileManager.default.subpathsOfDirectory(atPath: project.path).filter { $0.hasSuffix(".py") }
        #expect(names.count == 20)
        for name in names {
            #expect(FileManager.default.contents(atPath: project.appendingPathComponent(name).path)
                    == FileManager.default.contents(atPath: copy.appendingPathComponent(name).path), "\(name) differs")
        }
        let leftovers = try FileManager.default.subpathsOfDirectory(atPath: copy.path).filter { $0.hasSuffix(".uremote-tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func syncAndCopyTwentyFilesAt115200Baud() throws {
        let board = try ReferenceBoard(linkArguments: ["--baud", "115200"])
        defer { board.stop() }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("uremote-throttled-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let project = try makeProject(in: scratch)
        let sync = try board.uremote(["sync", project.path, ":app"], timeout: 60)
        #expect(sync.status == 0, "\(sync.stderr)")
        try expectSame(project, board.flash.appendingPathComponent("app"))
        let copy = try board.uremote(["cp", "-r", project.path, ":tree"], timeout: 60)
        #expect(copy.status == 0, "\(copy.stderr)")
        try expectSame(project, board.flash.appendingPathComponent("tree"))
    }
}
