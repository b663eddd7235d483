import Foundation
import URemoteKit

/// `connect a0,a1,PATH ...` and `connect all`: the rest of the chain runs on every board at the
/// same time, each line of output prefixed with its board, then a summary; one failing board
/// does not stop the others, and the exit status is 0 only when every board succeeded.
///
/// Each board gets its own uremote process (`uremote connect DEVICE <rest of the chain>`): boards
/// share nothing, a hung board cannot block another, and every command behaves exactly as it
/// does for one board. Processes cost a few milliseconds each, nothing next to a transfer.
enum ManyBoardsRunner {
    /// The devices `words` asks for when its `connect` names several, with the index of the
    /// DEVICE word; nil for an ordinary one-board chain.
    static func devices(in words: [String]) -> (index: Int, devices: [String])? {
        guard let connect = words.firstIndex(of: "connect") else { return nil }
        var i = connect + 1
        while i < words.count, words[i].hasPrefix("-") {
            // --baud takes a value; the line toggles do not.
            i += words[i] == "--baud" ? 2 : 1
        }
        guard i < words.count else { return nil }
        let word = words[i]
        if word == "all" {
            let ports = PortDiscovery.serialPorts().filter(\.isUSB).map(\.path).sorted()
            return (i, ports)
        }
        guard word.contains(",") else { return nil }
        return (i, word.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
    }

    /// Runs the chain once per device in parallel and returns the combined exit status.
    static func run(_ words: [String], deviceIndex: Int, devices: [String], quiet: Bool) -> Int32 {
        let errors = ConsoleOutput.standardError
        guard !devices.isEmpty else {
            errors.line("uremote: connect all: no USB serial board found; plug one in or list devices with commas (a0,a1)")
            return 1
        }
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        let program = FileManager.default.isExecutableFile(atPath: executable) ? executable : CommandLine.arguments[0]
        let printer = PrefixedPrinter()
        let width = devices.map(\.count).max() ?? 0
        var children: [(device: String, process: Process)] = []
        for device in devices {
            var childWords = words
            childWords[deviceIndex] = device
            let process = Process()
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = (quiet ? ["-q"] : []) + childWords
            let label = "[" + device + "]" + String(repeating: " ", count: width - device.count) + " "
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            printer.follow(out.fileHandleForReading, prefix: label, to: .standardOutput)
            printer.follow(err.fileHandleForReading, prefix: label, to: .standardError)
            do {
                try process.run()
            } catch {
                errors.line("uremote: \(device): cannot start a worker process: \(error)")
                continue
            }
            children.append((device, process))
        }
        var failed: [String] = []
        for child in children {
            child.process.waitUntilExit()
            if child.process.terminationStatus != 0 { failed.append(child.device) }
        }
        printer.waitForAll()
        let missing = devices.filter { d in !children.contains { $0.device == d } }
        failed += missing
        let ok = devices.filter { !failed.contains($0) }
        errors.line("uremote: \(ok.count) of \(devices.count) boards succeeded"
                    + (ok.isEmpty ? "" : "; ok: " + ok.joined(separator: ", "))
                    + (failed.isEmpty ? "" : "; failed: " + failed.joined(separator: ", ")))
        return failed.isEmpty ? 0 : 1
    }
}

/// Copies children's output line by line, each line prefixed, never interleaving within a line.
final class PrefixedPrinter: @unchecked Sendable {
    private let lock = NSLock()
    private let group = DispatchGroup()

    func follow(_ handle: FileHandle, prefix: String, to stream: ConsoleOutput) {
        group.enter()
        let thread = Thread { [self] in
            var pending: [UInt8] = []
            while true {
                let data = handle.availableData
                if data.isEmpty { break }
                pending += data
                while let newline = pending.firstIndex(of: 10) {
                    emit(prefix, Array(pending[...newline]), stream)
                    pending.removeSubrange(...newline)
                }
            }
            if !pending.isEmpty { emit(prefix, pending + [10], stream) }
            group.leave()
        }
        thread.start()
    }

    private func emit(_ prefix: String, _ line: [UInt8], _ stream: ConsoleOutput) {
        lock.lock()
        defer { lock.unlock() }
        stream.write(bytes: Array(prefix.utf8) + line)
    }

    func waitForAll() { group.wait() }
}
