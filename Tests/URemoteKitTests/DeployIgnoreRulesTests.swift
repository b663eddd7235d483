import Foundation
import Testing
@testable import URemoteKit

/// gitignore semantics for `sync --exclude` and `.uremoteignore`.
@Suite struct DeployIgnoreRulesTests {
    func rules(_ patterns: String...) throws -> IgnoreRules { try IgnoreRules(patterns: patterns) }

    @Test func patternWithoutSlashMatchesNameAtAnyDepth() throws {
        let r = try rules("*.log")
        #expect(r.excludes("a.log", isDirectory: false))
        #expect(r.excludes("deep/er/b.log", isDirectory: false))
        #expect(!r.excludes("a.log.txt", isDirectory: false))
        #expect(!r.excludes("main.py", isDirectory: false))
    }

    @Test func leadingSlashAnchorsToTheRoot() throws {
        let r = try rules("/build")
        #expect(r.excludes("build", isDirectory: true))
        #expect(r.excludes("build/x.py", isDirectory: false), "everything under an excluded folder")
        #expect(!r.excludes("lib/build", isDirectory: true))
    }

    @Test func trailingSlashMatchesFoldersOnly() throws {
        let r = try rules("data/")
        #expect(r.excludes("data", isDirectory: true))
        #expect(r.excludes("lib/data", isDirectory: true))
        #expect(!r.excludes("data", isDirectory: false))
    }

    @Test func doubleStarAndNegation() throws {
        let r = try rules("**/test_*.py", "!test_keep.py", "docs/**")
        #expect(r.excludes("test_a.py", isDirectory: false))
        #expect(r.excludes("lib/x/test_b.py", isDirectory: false))
        #expect(!r.excludes("test_keep.py", isDirectory: false))
        #expect(r.excludes("docs/a/b.md", isDirectory: false))
        #expect(!r.excludes("docs", isDirectory: true), "docs/** matches what is inside, not docs itself")
    }

    @Test func classesQuestionMarksCommentsAndBlankLines() throws {
        let r = try rules("# comment", "", "file?.[ch]", "[!a]x")
        #expect(r.excludes("file1.c", isDirectory: false))
        #expect(r.excludes("fileA.h", isDirectory: false))
        #expect(!r.excludes("file10.c", isDirectory: false))
        #expect(r.excludes("bx", isDirectory: false))
        #expect(!r.excludes("ax", isDirectory: false))
        #expect(!r.excludes("# comment", isDirectory: false))
    }

    @Test func folderRulesReadUremoteignoreAndBuiltIns() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("uremote-ign-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("secrets.py\n# note\n".utf8).write(to: root.appendingPathComponent(".uremoteignore"))
        let r = try IgnoreRules.forFolder(root.path, extra: ["*.md"])
        #expect(r.excludes("secrets.py", isDirectory: false))
        #expect(r.excludes("README.md", isDirectory: false))
        #expect(r.excludes(".git/config", isDirectory: false))
        #expect(r.excludes("lib/__pycache__", isDirectory: true))
        #expect(r.excludes(".uremoteignore", isDirectory: false))
        #expect(!r.excludes("main.py", isDirectory: false))
    }
}
