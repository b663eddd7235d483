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

@Suite("sim: settings")
struct SimulatorLinkSettingsTests {
    private func banner(_ argument: String) throws -> String {
        let link = try SimulatorLinkScheme.open(argument: argument, options: LinkOptions(),
                                                engineFactory: { ScriptedEngine(services: $0) })
        defer { link.close() }
        var got: [UInt8] = []
        let deadline = Date().addingTimeInterval(3)
        while Date() < deadline {
            got += (try? link.read(maxCount: 4096, timeout: .milliseconds(50))) ?? []
            if String(decoding: got, as: UTF8.self).contains("Use CTRL-D to reload.") { break }
            if String(decoding: got, as: UTF8.self).hasSuffix(">>> ") { break }
        }
        return String(decoding: got, as: UTF8.self)
    }

    @Test func personalityAndFaultsFromTheDeviceName() throws {
        let folder = NSTemporaryDirectory() + "uremote-settings-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try banner(folder + "?personality=circuitpython").contains("Press any key to enter the REPL"))
        let dropped = try banner(folder + "?faults=drop=1")
        #expect(dropped.isEmpty)
    }

    @Test func unknownSettingsAreRefused() {
        #expect(throws: LinkError.self) {
            _ = try SimulatorLinkScheme.open(argument: "x?colour=red", options: LinkOptions(),
                                             engineFactory: { ScriptedEngine(services: $0) })
        }
        #expect(throws: LinkError.self) {
            _ = try SimulatorLinkScheme.open(argument: "x?personality=esp", options: LinkOptions(),
                                             engineFactory: { ScriptedEngine(services: $0) })
        }
    }
}
