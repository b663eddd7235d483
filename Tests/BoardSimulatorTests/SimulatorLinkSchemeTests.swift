import Foundation
import Testing
import URemoteKit
@testable import BoardSimulator

@Suite("sim: device names")
struct SimulatorLinkSchemeTests {
    @Test func namesResolveUnderTheDataFolder() throws {
        #expect(try FlashFolder.resolve(simArgument: "").path == FlashFolder.boardsRoot + "/default")
        #expect(try FlashFolder.resolve(simArgument: "lab2").path == FlashFolder.boardsRoot + "/lab2")
        #expect(try FlashFolder.resolve(simArgument: "/tmp/x/../board").path == "/tmp/board")
        #expect(throws: FlashLocationError.self) { try FlashFolder.resolve(simArgument: "..") }
        #expect(throws: FlashLocationError.self) { try FlashFolder.resolve(simArgument: "a b") }
    }

    @Test func openingAFolderPowersUpABoardOnIt() throws {
        let folder = NSTemporaryDirectory() + "uremote-scheme-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let link = try SimulatorLinkScheme.open(argument: folder, options: LinkOptions(),
                                                engineFactory: { ScriptedEngine(services: $0) })
        defer { link.close() }
        #expect(link.name == "sim:" + folder)
        var got: [UInt8] = []
        let deadline = Date().addingTimeInterval(5)
        while !String(decoding: got, as: UTF8.self).hasSuffix(">>> ") && Date() < deadline {
            got += try link.read(maxCount: 4096, timeout: .milliseconds(50))
        }
        #expect(String(decoding: got, as: UTF8.self) == FriendlyReplTests.banner + ">>> ")
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) && isDirectory.boolValue)
    }

    @Test func badNamesFailWithAMessage() {
        #expect(throws: LinkError.self) {
            _ = try SimulatorLinkScheme.open(argument: "no good", options: LinkOptions(),
                                             engineFactory: { ScriptedEngine(services: $0) })
        }
    }
}
