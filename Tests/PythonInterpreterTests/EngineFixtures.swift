import Foundation

/// Reads reference tables recorded from real `micropython` (see Corpus/engine-fixtures/README).
enum EngineFixtures {
    static func lines(_ name: String, separator: Character = "|") throws -> [[String]] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Corpus/engine-fixtures/\(name)")
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: true).map {
            $0.split(separator: separator, maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
        }
    }

    /// Undoes Python's repr of a simple str (quotes only; the tables avoid escapes).
    static func unquote(_ text: String) -> String {
        guard text.count >= 2, let first = text.first, first == "'" || first == "\"" else { return text }
        return String(text.dropFirst().dropLast())
    }
}
