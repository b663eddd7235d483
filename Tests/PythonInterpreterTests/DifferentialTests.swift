import Foundation
import Testing
import PythonInterpreter

/// Every program in Corpus/ runs on our interpreter and on real MicroPython; the transcripts
/// (stdout plus any traceback) must be identical.
@Suite("Differential corpus against MicroPython")
struct DifferentialTests {
    static let corpusFiles: [String] = {
        let items = (try? FileManager.default.contentsOfDirectory(atPath: TestPaths.corpusFolder.path)) ?? []
        return items.filter { $0.hasSuffix(".py") }.sorted()
    }()

    @Test("corpus is present")
    func corpusIsPresent() {
        #expect(DifferentialTests.corpusFiles.count >= 20, "expected the corpus in \(TestPaths.corpusFolder.path)")
    }

    @Test("same output as MicroPython", arguments: DifferentialTests.corpusFiles)
    func sameOutput(_ name: String) throws {
        let file = TestPaths.corpusFolder.appendingPathComponent(name)
        let source = try String(contentsOf: file, encoding: .utf8)
        let mpFolder = try TestPaths.makeScratchFolder()
        let ourFolder = try TestPaths.makeScratchFolder()
        defer {
            try? FileManager.default.removeItem(at: mpFolder)
            try? FileManager.default.removeItem(at: ourFolder)
        }
        try FileManager.default.copyItem(at: file, to: mpFolder.appendingPathComponent(name))
        try FileManager.default.copyItem(at: file, to: ourFolder.appendingPathComponent(name))
        let expected = try runOnMicroPython(file: mpFolder.appendingPathComponent(name), folder: mpFolder)
        let actual = runOnInterpreter(source, filename: name, folder: ourFolder)
        #expect(expected == actual, "\(name) differs from MicroPython:\n\(lineDiff(expected: expected, actual: actual))")
    }
}
