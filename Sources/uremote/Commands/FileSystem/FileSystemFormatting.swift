import Foundation
import URemoteKit

/// Text in exactly mpremote's layouts, so scripts written against mpremote read uremote's output.
enum FileSystemFormatting {
    /// `ls`: size right-aligned in 12 columns, a slash after directory names.
    static func lsLine(_ entry: RemoteEntry) -> String {
        let size = String(entry.size)
        return String(repeating: " ", count: max(0, 12 - size.count)) + size + " " + entry.name + (entry.isDirectory ? "/" : "")
    }

    /// mpremote's `human_size`: one decimal and a unit letter from K up, plain bytes below.
    static func humanSize(_ size: Int) -> String {
        var value = Double(size)
        var unit = "B"
        for candidate in ["B", "K", "M", "G", "T"] {
            unit = candidate
            if value < 1024 || candidate == "T" { break }
            value /= 1024
        }
        return unit == "B" ? String(size) : String(format: "%.1f%@", value, unit)
    }

    enum SizeStyle { case none, bytes, human }

    /// `tree` lines under a header, drawn with the same connectors as mpremote.
    static func treeLines(_ nodes: [RemoteTreeNode], prefix: String = "", style: SizeStyle) -> [String] {
        var lines: [String] = []
        for (index, node) in nodes.enumerated() {
            let last = index == nodes.count - 1
            var sizeText = ""
            if node.entry.size > 0 || !node.entry.isDirectory {
                switch style {
                case .none: break
                case .bytes: sizeText = "[" + pad(String(node.entry.size), 9) + "]  "
                case .human: sizeText = "[" + pad(humanSize(node.entry.size), 6) + "]  "
                }
            }
            lines.append(prefix + (last ? "└── " : "├── ") + sizeText + node.entry.name)
            if node.entry.isDirectory {
                lines += treeLines(node.children, prefix: prefix + (last ? "    " : "│   "), style: style)
            }
        }
        return lines
    }

    /// `df`: mpremote's table.
    static func dfLines(_ usage: [DiskUsage]) -> [String] {
        func row(_ a: String, _ b: String, _ c: String, _ d: String, _ e: String, _ f: String) -> String {
            padRight(a, 10) + pad(b, 9) + pad(c, 9) + pad(d, 9) + pad(e, 5) + " " + f
        }
        var lines = [row("filesystem", "size", "used", "avail", "use%", "mounted on")]
        for u in usage where u.size > 0 {
            lines.append(row(u.filesystem, String(u.size), String(u.used), String(u.available),
                             String(100 * u.used / u.size), u.mountPoint))
        }
        return lines
    }

    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(value) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }

    static func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

    static func padRight(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}

/// The JSON shape of `ls --json` and `tree --json` entries.
struct JSONEntry: Encodable {
    var name: String
    var type: String
    var size: Int
    var children: [JSONEntry]?

    init(_ entry: RemoteEntry, children: [JSONEntry]? = nil) {
        name = entry.name
        type = entry.isDirectory ? "dir" : "file"
        size = entry.size
        self.children = children
    }

    init(_ node: RemoteTreeNode) {
        self.init(node.entry, children: node.entry.isDirectory ? node.children.map(JSONEntry.init) : nil)
    }
}
