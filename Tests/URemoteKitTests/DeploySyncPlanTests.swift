import Foundation
import Testing
@testable import URemoteKit

/// Host-side sync decisions from a manifest and a snapshot (no board needed).
@Suite struct DeploySyncPlanTests {
    func file(_ path: String, _ size: Int) -> LocalManifest.File {
        LocalManifest.File(relativePath: path, localPath: "/nonexistent/" + path, size: size)
    }

    /// Pretends every local file hashes to "h-" + its path, so tests pick which ones match.
    func plan(_ local: LocalManifest, _ entries: [String: RemoteSnapshot.Entry], delete: Bool = false,
              rules: [String] = []) throws -> SyncPlan {
        try SyncPlan.make(local: local, remote: RemoteSnapshot(rootExists: true, algorithm: "sha256", entries: entries),
                          rules: try IgnoreRules(patterns: rules), delete: delete,
                          digest: { f, _ in "h-" + f.relativePath })
    }

    @Test func newChangedAndUnchangedFiles() throws {
        let local = LocalManifest(directories: ["lib"], files: [file("a.py", 3), file("b.py", 4), file("lib/c.py", 5), file("d.py", 6)])
        let p = try plan(local, ["a.py": .file(size: 3, digest: "h-a.py"), "b.py": .file(size: 4, digest: "other"),
                                 "d.py": .file(size: 7, digest: "")])
        #expect(p.directoriesToCreate == ["lib"])
        #expect(p.uploads.map(\.relativePath) == ["b.py", "lib/c.py", "d.py"])
        #expect(p.uploads.map(\.reason) == [.changed, .new, .changed])
        #expect(p.unchanged == ["a.py"])
        #expect(p.filesToDelete.isEmpty && p.directoriesToDelete.isEmpty)
    }

    @Test func identicalTreeIsEmptyPlan() throws {
        let local = LocalManifest(directories: ["lib"], files: [file("lib/c.py", 5)])
        let p = try plan(local, ["lib": .directory, "lib/c.py": .file(size: 5, digest: "h-lib/c.py"), "extra.txt": .file(size: 1, digest: "")])
        #expect(p.isEmpty, "extras are kept without --delete")
        #expect(p.unchanged == ["lib/c.py"])
    }

    @Test func deleteRemovesExtrasDeepestFirstButKeepsExcluded() throws {
        let local = LocalManifest(directories: [], files: [file("main.py", 1)])
        let p = try plan(local, ["main.py": .file(size: 1, digest: "h-main.py"), "old.py": .file(size: 2, digest: ""),
                                 "gone": .directory, "gone/deep": .directory, "gone/deep/x.py": .file(size: 1, digest: ""),
                                 "logs": .directory, "logs/today.log": .file(size: 9, digest: ""), "keep.log": .file(size: 1, digest: "")],
                         delete: true, rules: ["*.log"])
        #expect(p.filesToDelete == ["gone/deep/x.py", "old.py"])
        #expect(p.directoriesToDelete == ["gone/deep", "gone"])
    }

    @Test func typeClashNeedsDelete() throws {
        let local = LocalManifest(directories: ["lib"], files: [file("lib/a.py", 1)])
        #expect(throws: BoardFileError.self) { try plan(local, ["lib": .file(size: 4, digest: "")]) }
        let p = try plan(local, ["lib": .file(size: 4, digest: "")], delete: true)
        #expect(p.filesToDelete == ["lib"])
        #expect(p.directoriesToCreate == ["lib"])
        #expect(p.uploads.map(\.relativePath) == ["lib/a.py"])
    }

    @Test func snapshotParsing() throws {
        let s = try RemoteSnapshot.parse("A\tsha256\nd\tlib\nf\t12\tabcd\tlib/a b.py\nf\t3\t\tmain.py\n")
        #expect(s.algorithm == "sha256")
        #expect(s.entries == ["lib": .directory, "lib/a b.py": .file(size: 12, digest: "abcd"), "main.py": .file(size: 3, digest: "")])
        #expect(try RemoteSnapshot.parse("N\n").rootExists == false)
        #expect(throws: BoardFileError.self) { try RemoteSnapshot.parse("garbage\n") }
    }
}
