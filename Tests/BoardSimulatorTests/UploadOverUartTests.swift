import Foundation
import Testing

/// Many-file uploads through `uremote sim serve --baud`, which emulates a UART without flow
/// control: a 256-byte receive buffer that drops what overflows while the board is busy. Sending
/// the next file while the board still verifies and renames the previous one overran it.
@Suite("uploads over a simulated UART", .serialized)
final class UploadOverUartTests {
    let scratch = NSTemporaryDirectory() + "uremote-uart-" + UUID().uuidString

    deinit { try? FileManager.default.removeItem(atPath: scratch) }

    /// Twenty files of 0.3-6 kB (source and binary) in two folders, like a small project.
    private func makeProject() throws -> String {
        let root = scratch + "/proj"
        var generator = SeededGenerator(seed: 7)
        for index in 0..<20 {
            let folder = index % 3 == 0 ? root : root + "/pkg\(index % 2)"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let size = 300 + (index * 977) % 5700
            let bytes: [UInt8]
            if index % 4 == 0 {
                bytes = (0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) }
            } else {
                bytes = Array((0..<size / 24 + 1).map { "x_\(index)_\($0) = \($0 * 3)\n" }.joined().utf8.prefix(size))
            }
            try Data(bytes).write(to: URL(fileURLWithPath: "\(folder)/f\(index).\(index % 4 == 0 ? "bin" : "py")"))
        }
        return root
    }

    private func expectSameTree(_ local: String, _ remote: String) throws {
        let files = try FileManager.default.subpathsOfDirectory(atPath: local).filter { !$0.hasPrefix(".") }
        var checked = 0
        for file in files {
            var isDirectory: ObjCBool = false
            if !FileManager.default.fileExists(atPath: "\(local)/\(file)", isDirectory: &isDirectory) || isDirectory.boolValue {
                continue
            }
            let mine = FileManager.default.contents(atPath: "\(local)/\(file)")
            let theirs = FileManager.default.contents(atPath: "\(remote)/\(file)")
            #expect(mine == theirs, "\(file) differs on the board")
            checked += 1
        }
        #expect(checked == 20)
        let leftovers = try FileManager.default.subpathsOfDirectory(atPath: remote).filter { $0.hasSuffix(".uremote-tmp") }
        #expect(leftovers.isEmpty, "temporary files left: \(leftovers)")
    }

    @Test(arguments: ["sync", "cp -r"])
    func manyFilesSurviveAUartAt460800Baud(command: String) throws {
        let project = try makeProject()
        let flash = scratch + "/flash-" + command.replacingOccurrences(of: " ", with: "")
        let board = try ServedBoard(flash: flash, extraArguments: ["--baud", "460800"])
        defer { board.stop() }
        let arguments = command == "sync" ? ["sync", project, ":proj"] : ["cp", "-r", project, ":proj"]
        let outcome = try ToolProcess.run(try ToolProcess.uremoteBinary(), ["connect", board.path] + arguments, timeout: 90)
        #expect(outcome.status == 0, "\(command) failed: \(outcome.errors)")
        try expectSameTree(project, flash + "/proj")
        // A second run over the same UART changes nothing and still talks to the board cleanly.
        let again = try ToolProcess.run(try ToolProcess.uremoteBinary(), ["connect", board.path] + arguments, timeout: 90)
        #expect(again.status == 0, "second \(command) failed: \(again.errors)")
        try expectSameTree(project, flash + "/proj")
    }
}

/// Deterministic bytes, so a failure can be reproduced.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        var z = state
        z = (z ^ (z >> 33)) &* 0xff51afd7ed558ccd
        return z ^ (z >> 33)
    }
}
