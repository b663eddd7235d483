/// The name part of a `str.format` replacement field.
public enum FormatFieldName: Equatable, Sendable {
    case index(Int)
    case key(String)
}

/// Splits `str.format` templates into literal text and replacement fields.
///
/// Field numbering (automatic vs manual, never mixed), nested fields inside a spec
/// (`'{:{}}'`), `{{`/`}}` escapes and MicroPython's messages live here; the interpreter supplies
/// the argument lookup and the per-type formatting of each field.
public enum FormatString {
    /// Renders `template`. `field` receives the field's name, its conversion (`r`, `s` or nil)
    /// and its spec with nested fields already substituted, and returns the field's text.
    public static func render(
        _ template: String, field: (FormatFieldName, Character?, String) throws -> String
    ) throws -> String {
        var parser = Parser(chars: Array(template))
        return try parser.render(field: field, nested: false)
    }

    struct Parser {
        let chars: [Character]
        var index = 0
        var autoNumber = 0
        var usedManual = false
        var usedAuto = false

        mutating func render(field: (FormatFieldName, Character?, String) throws -> String, nested: Bool) throws -> String {
            var output = ""
            while index < chars.count {
                let char = chars[index]
                if char == "{" {
                    if index + 1 < chars.count, chars[index + 1] == "{" {
                        output.append("{")
                        index += 2
                        continue
                    }
                    index += 1
                    output += try replacement(field: field)
                } else if char == "}" {
                    if index + 1 < chars.count, chars[index + 1] == "}" {
                        output.append("}")
                        index += 2
                        continue
                    }
                    throw EngineError(.valueError, "single '}' encountered in format string")
                } else {
                    output.append(char)
                    index += 1
                }
            }
            return output
        }

        /// Parses one field after its `{` and renders it.
        mutating func replacement(field: (FormatFieldName, Character?, String) throws -> String) throws -> String {
            var name = ""
            while index < chars.count, !"}!:".contains(chars[index]) {
                if chars[index] == "{" { throw EngineError(.valueError, "unmatched '{' in format") }
                name.append(chars[index])
                index += 1
            }
            guard index < chars.count else { throw EngineError(.valueError, "unmatched '{' in format") }
            let fieldName = try resolve(name)
            var conversion: Character?
            if chars[index] == "!" {
                index += 1
                guard index < chars.count else {
                    throw EngineError(.valueError, "end of format while looking for conversion specifier")
                }
                let code = chars[index]
                guard code == "r" || code == "s" else {
                    throw EngineError(.valueError, "unknown conversion specifier \(code)")
                }
                conversion = code
                index += 1
                guard index < chars.count else { throw EngineError(.valueError, "unmatched '{' in format") }
                if chars[index] != ":" && chars[index] != "}" {
                    throw EngineError(.valueError, "expected ':' after format specifier")
                }
            }
            var spec = ""
            if chars[index] == ":" {
                index += 1
                while index < chars.count {
                    let char = chars[index]
                    if char == "{" {
                        index += 1
                        spec += try replacement(field: field)
                        continue
                    }
                    if char == "}" { break }
                    spec.append(char)
                    index += 1
                }
                guard index < chars.count else { throw EngineError(.valueError, "unmatched '{' in format") }
            }
            index += 1  // the closing brace
            return try field(fieldName, conversion, spec)
        }

        mutating func resolve(_ name: String) throws -> FormatFieldName {
            if name.isEmpty {
                if usedManual {
                    throw EngineError(.valueError, "can't switch from manual field specification to automatic field numbering")
                }
                usedAuto = true
                defer { autoNumber += 1 }
                return .index(autoNumber)
            }
            if name.contains(".") || name.contains("[") {
                throw EngineError(.notImplemented, "attributes not supported")
            }
            // A name starting with a digit must be a whole number; anything else there is an
            // attribute or index expression, which MicroPython does not support.
            if let first = name.first, first.isASCII, first.isNumber, Int(name) == nil || !name.allSatisfy({ $0.isASCII && $0.isNumber }) {
                throw EngineError(.notImplemented, "attributes not supported")
            }
            if let number = Int(name), name.allSatisfy(\.isASCII), name.first != "-", name.first != "+" {
                if usedAuto {
                    throw EngineError(.valueError, "can't switch from automatic field numbering to manual field specification")
                }
                usedManual = true
                return .index(number)
            }
            return .key(name)
        }
    }
}
