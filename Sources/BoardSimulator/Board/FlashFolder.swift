import Foundation

/// The host folder that holds a simulated board's flash, and where named boards live.
public struct FlashFolder: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// `$XDG_DATA_HOME/uremote/sim` (default `~/.local/share/uremote/sim`): flash persists across
    /// runs like a real board's, in the place Linux desktops keep application data.
    public static var boardsRoot: String {
        let environment = ProcessInfo.processInfo.environment
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            return data + "/uremote/sim"
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.local/share/uremote/sim"
    }

    /// The flash folder for the argument of a `sim:` device name: empty or a board name picks a
    /// named board in `boardsRoot`, anything with a `/` is a folder used directly.
    public static func resolve(simArgument argument: String) throws(FlashLocationError) -> FlashFolder {
        if argument.contains("/") {
            let expanded = (argument as NSString).expandingTildeInPath
            let absolute = expanded.hasPrefix("/")
                ? expanded : FileManager.default.currentDirectoryPath + "/" + expanded
            return FlashFolder(path: (absolute as NSString).standardizingPath)
        }
        let name = argument.isEmpty ? "default" : argument
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_."))
        guard name.unicodeScalars.allSatisfy({ allowed.contains($0) }), name != ".", name != ".." else {
            throw FlashLocationError(message:
                "sim:\(argument): board names use letters, digits, '-', '_' and '.'; give a folder with a '/' instead")
        }
        return FlashFolder(path: boardsRoot + "/" + name)
    }

    /// Makes sure the folder exists.
    func create() throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// A start-up script's text, nil when absent (an absent script is not an error on a board).
    func readScript(_ name: String) -> String? {
        let file = path + "/" + name
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue,
              let data = FileManager.default.contents(atPath: file) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// Rewrites a firmware-owned file only when its contents change, sparing the flash.
    func writeIfChanged(_ name: String, contents: String) {
        let file = path + "/" + name
        let data = Data(contents.utf8)
        if FileManager.default.contents(atPath: file) == data { return }
        try? data.write(to: URL(fileURLWithPath: file), options: .atomic)
    }

    /// Names, sizes and modification times of everything in the flash, to notice outside edits.
    func snapshot() -> [String: String] {
        var result: [String: String] = [:]
        guard let walker = FileManager.default.enumerator(atPath: path) else { return result }
        while let relative = walker.nextObject() as? String {
            if relative == "boot_out.txt" { continue }
            if let attributes = try? FileManager.default.attributesOfItem(atPath: path + "/" + relative) {
                let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
                let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                result[relative] = "\(size):\(modified)"
            }
        }
        return result
    }
}

/// A `sim:` argument that names no usable flash folder.
public struct FlashLocationError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public var description: String { message }
}
