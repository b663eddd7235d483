/// The bytes and texts of MicroPython's raw REPL protocol, in one place.
///
/// The raw REPL is what every tool uses to run code on a board: Ctrl-A enters it, code ends with
/// Ctrl-D, the board answers `OK`, stdout, `\x04`, stderr, `\x04`, `>`. Raw-paste mode (Ctrl-E `A`
/// Ctrl-A) adds flow control on top.
enum RawRepl {
    static let ctrlA: UInt8 = 0x01
    static let ctrlB: UInt8 = 0x02
    static let ctrlC: UInt8 = 0x03
    static let ctrlD: UInt8 = 0x04
    static let ctrlE: UInt8 = 0x05

    /// The only board text uremote ever matches: the raw REPL banner, which MicroPython and
    /// CircuitPython never translate.
    static let bannerText = Array("raw REPL; CTRL-B to exit".utf8)
    static let ok = Array("OK".utf8)
    static let rawPasteRequest: [UInt8] = [ctrlE, UInt8(ascii: "A"), ctrlA]

    /// End index of a complete banner followed by its prompt (`\r\n>` or `\n>`), if `bytes` holds one.
    static func bannerEnd(in bytes: [UInt8]) -> Int? {
        var from = 0
        while let textEnd = ReplReader.find(bannerText, in: bytes, from: from) {
            var i = textEnd
            if i < bytes.count && bytes[i] == 0x0D { i += 1 }
            if i < bytes.count && bytes[i] == 0x0A {
                i += 1
                if i < bytes.count && bytes[i] == UInt8(ascii: ">") { return i + 1 }
            }
            from = textEnd
        }
        return nil
    }
}
