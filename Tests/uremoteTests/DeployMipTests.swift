import Crypto
import Foundation
import Testing

/// `mip install` against a package index served by `python3 -m http.server` on the loopback.
@Suite(.serialized) struct DeployMipTests {
    /// An index folder and the HTTP server in front of it.
    final class LocalIndex {
        let root: URL
        let port: Int
        private let server: Process

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("uremote-index-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            guard let python = ReferenceBoard.which("python3") else { throw HarnessError("python3 is needed for the test index server") }
            port = Int.random(in: 20000...60000)
            server = Process()
            server.executableURL = URL(fileURLWithPath: python)
            // Through -c to clear the signal mask Foundation's Process hands down, so terminate() works.
            server.arguments = ["-c", "import os, signal, sys; signal.pthread_sigmask(signal.SIG_SETMASK, []); "
                                + "os.execv(sys.executable, [sys.executable, '-m', 'http.server'] + sys.argv[1:])",
                                String(port), "--bind", "127.0.0.1", "--directory", root.path]
            server.standardOutput = FileHandle.nullDevice
            server.standardError = FileHandle.nullDevice
            try server.run()
            let deadline = Date().addingTimeInterval(10)
            while Date() < deadline {
                if Self.isListening(port) { return }
                Thread.sleep(forTimeInterval: 0.05)
            }
            stop()
            throw HarnessError("the test index server did not start on 127.0.0.1:\(port)")
        }

        static func isListening(_ port: Int) -> Bool {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            defer { close(fd) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            return withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
            }
        }

        var url: String { "http://127.0.0.1:\(port)" }

        /// Publishes a file under its hash and returns the short hash the index lists.
        func publish(_ content: String, shortLength: Int = 8) throws -> String {
            let hash = try Self.sha256(content)
            let short = String(hash.prefix(shortLength))
            let dir = root.appendingPathComponent("file/\(short.prefix(2))")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try Data(content.utf8).write(to: dir.appendingPathComponent(short))
            return short
        }

        /// SHA-256 from swift-crypto (already a dependency of the kit), as the index computes it.
        static func sha256(_ content: String) throws -> String {
            SHA256.hash(data: Data(content.utf8)).map { String(format: "%02x", $0) }.joined()
        }

        func package(_ name: String, version: String = "latest", mpy: String = "py", json: [String: Any]) throws {
            let dir = root.appendingPathComponent("package/\(mpy)/\(name)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try JSONSerialization.data(withJSONObject: json).write(to: dir.appendingPathComponent("\(version).json"))
        }

        func stop() {
            if server.isRunning { server.terminate(); server.waitUntilExit() }
            try? FileManager.default.removeItem(at: root)
        }

        deinit { stop() }
    }

    @Test func installsWithDepsVerifiesAndSkipsExisting() throws {
        let index = try LocalIndex()
        defer { index.stop() }
        let board = try ReferenceBoard()
        defer { board.stop() }
        let core = try index.publish("def hello():\n    return 'hi'\n")
        let helper = try index.publish("X = 42\n")
        try index.package("greet", json: ["hashes": [["greet/__init__.py", core]], "deps": [["tiny", "1.0"]], "version": "0.1"])
        try index.package("tiny", version: "1.0", json: ["hashes": [["tiny.py", helper]], "version": "1.0"])

        let first = try board.uremote(["mip", "install", "--index", index.url, "--target", "lib", "--no-mpy", "greet"])
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        #expect(first.stdout.contains("Installing: lib/greet/__init__.py"))
        #expect(FileManager.default.contents(atPath: board.flash.appendingPathComponent("lib/greet/__init__.py").path)
                == Data("def hello():\n    return 'hi'\n".utf8))
        #expect(FileManager.default.contents(atPath: board.flash.appendingPathComponent("lib/tiny.py").path) == Data("X = 42\n".utf8))
        let used = try board.uremote(["exec", "import greet, tiny; print(greet.hello(), tiny.X)"])
        #expect(used.stdout.contains("hi 42"), "\(used.stdout)\(used.stderr)")

        let again = try board.uremote(["mip", "install", "--index", index.url, "--target", "lib", "--no-mpy", "greet"])
        #expect(again.status == 0)
        #expect(again.stdout == "Install greet\nExists: lib/greet/__init__.py\nExists: lib/tiny.py\nDone\n",
                "\(again.stdout)")
    }

    @Test func hashMismatchInstallsNothing() throws {
        let index = try LocalIndex()
        defer { index.stop() }
        let board = try ReferenceBoard()
        defer { board.stop() }
        let good = try index.publish("GOOD = 1\n")
        let bad = try index.publish("original\n")
        // The index now serves different bytes under that hash: a tampered or corrupt mirror.
        try Data("tampered\n".utf8).write(to: index.root.appendingPathComponent("file/\(bad.prefix(2))/\(bad)"))
        try index.package("broken", json: ["hashes": [["broken/a.py", good], ["broken/b.py", bad]]])

        let outcome = try board.uremote(["mip", "install", "--index", index.url, "--target", "lib", "--no-mpy", "broken"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.hasPrefix("uremote: "))
        #expect(outcome.stderr.contains("broken/b.py"))
        #expect(!FileManager.default.fileExists(atPath: board.flash.appendingPathComponent("lib/broken").path), "no partial package")

        let missing = try board.uremote(["mip", "install", "--index", index.url, "--target", "lib", "--no-mpy", "nosuch"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("package not found"))
    }

    @Test func failedWriteRemovesWhatItCreated() throws {
        let index = try LocalIndex()
        defer { index.stop() }
        let board = try ReferenceBoard()
        defer { board.stop() }
        let a = try index.publish("A = 1\n")
        let b = try index.publish("B = 2\n")
        try index.package("clash", json: ["hashes": [["clash_a.py", a], ["clash/b.py", b]]])
        // A board file where the package needs a folder: creating lib/clash fails.
        try FileManager.default.createDirectory(at: board.flash.appendingPathComponent("lib"), withIntermediateDirectories: true)
        try Data("not a folder".utf8).write(to: board.flash.appendingPathComponent("lib/clash"))
        try FileManager.default.createDirectory(at: board.flash.appendingPathComponent("lib/clash_a.py"), withIntermediateDirectories: true)
        try FileManager.default.removeItem(at: board.flash.appendingPathComponent("lib/clash_a.py"))

        let outcome = try board.uremote(["mip", "install", "--index", index.url, "--target", "lib", "--no-mpy", "clash"])
        #expect(outcome.status == 1, "\(outcome.stdout)\(outcome.stderr)")
        #expect(!FileManager.default.fileExists(atPath: board.flash.appendingPathComponent("lib/clash_a.py").path))
        #expect(FileManager.default.contents(atPath: board.flash.appendingPathComponent("lib/clash").path) == Data("not a folder".utf8))
    }

    @Test func localPackageJsonAndFile() throws {
        let board = try ReferenceBoard()
        defer { board.stop() }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("uremote-localpkg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("V = 'local'\n".utf8).write(to: dir.appendingPathComponent("mod.py"))
        try JSONSerialization.data(withJSONObject: ["urls": [["pkg/mod.py", "mod.py"]]]).write(to: dir.appendingPathComponent("package.json"))
        let json = try board.uremote(["mip", "install", "--target", "lib", dir.appendingPathComponent("package.json").path])
        #expect(json.status == 0, "\(json.stderr)")
        #expect(FileManager.default.contents(atPath: board.flash.appendingPathComponent("lib/pkg/mod.py").path) == Data("V = 'local'\n".utf8))
        let single = try board.uremote(["mip", "install", "--target", "lib", dir.appendingPathComponent("mod.py").path])
        #expect(single.status == 0, "\(single.stderr)")
        #expect(FileManager.default.fileExists(atPath: board.flash.appendingPathComponent("lib/mod.py").path))
    }
}
