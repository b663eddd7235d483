import BigInt

/// MicroPython-exact text formatting for the interpreter core, over the engines in Engines/.
///
/// Drop-in replacements for the core's `formatFloat`, `formatValue`, `strFormat` and
/// `percentFormat` (same signatures): float `repr`/`str` with MicroPython's 16/17-digit rule,
/// format specs, `str.format` fields and `%` with MicroPython's rounding, quirks and messages.
enum MicroPythonFormatting {
    /// `repr(float)` and `str(float)`.
    static func floatRepr(_ value: Double) -> String {
        FloatFormatter.repr(value)
    }

    /// `format(value, spec)`, f-string fields and `str.format` fields after conversion.
    static func formatValue(_ value: Value, _ specText: String) throws -> String {
        if case .object(let instance as PyInstance) = value, let method = instance.cls.lookupUser("__format__") {
            return try toStr(try callValue(method, [value, .string(specText)], []))
        }
        if specText.isEmpty { return try str(value) }
        let spec = try Pylib.run { () throws(EngineError) in try FormatSpecification(parsing: specText) }
        switch value {
        case .float(let number):
            return try Pylib.run { () throws(EngineError) in try spec.format(float: number) }
        case .str(let text):
            return try Pylib.run { () throws(EngineError) in try spec.format(string: text.value) }
        default:
            if let integer = Pylib.bigInteger(value) {
                return try Pylib.run { () throws(EngineError) in try spec.format(integer: integer) }
            }
            // MicroPython formats bytes by their content and refuses other objects.
            guard let bytes = bytesLike(value) else { throw Pylib.strNeeded(value) }
            let text = String(decoding: bytes, as: UTF8.self)
            return try Pylib.run { () throws(EngineError) in try spec.format(string: text) }
        }
    }

    /// `str.format(*args, **kwargs)`.
    static func strFormat(_ template: String, _ args: [Value], _ kwargs: KwArgs) throws -> String {
        try Pylib.runMixed {
            try FormatString.render(template) { name, conversion, spec in
                var value: Value
                switch name {
                case .index(let index):
                    guard index < args.count else { throw indexError("tuple index out of range") }
                    value = args[index]
                case .key(let key):
                    guard let found = kwargs.first(where: { $0.0 == key })?.1 else { throw keyError(.string(key)) }
                    value = found
                }
                if conversion == "r" { value = .string(try repr(value)) }
                if conversion == "s" { value = .string(try str(value)) }
                return try formatValue(value, spec)
            }
        }
    }

    /// What `%` formats: a tuple's items, a mapping for `%(name)s`, or one value.
    private static func percentArguments(_ arg: Value) -> PercentArguments<Value> {
        switch arg {
        case .object(let tuple as PyTuple):
            return .tuple(tuple.items)
        case .object(let dict as PyDict) where !dict.isSet:
            return .mapping(arg, lookup: { key in try getItem(arg, .string(key)) })
        default:
            return .single(arg)
        }
    }

    /// A value as the number `%d`, `%x`, `%f`... need, or its type name for the error.
    private static func percentNumber(_ value: Value) -> PercentNumber {
        if case .float(let number) = value { return .float(number) }
        if let integer = Pylib.bigInteger(value) { return .integer(integer) }
        return .other(typeName: Pylib.typeName(value))
    }

    /// `str % arg`.
    static func percentFormat(_ template: String, _ arg: Value) throws -> Value {
        let arguments = percentArguments(arg)
        let conversions = PercentConversions<Value>(
            str: { try str($0) },
            repr: { try repr($0) },
            number: percentNumber,
            string: { value in
                if case .str(let text) = value { return text.value }
                return nil
            })
        return .string(try Pylib.runMixed { try PercentFormatter.format(template, arguments, conversions) })
    }

    /// `bytes % arg`: like `str % arg`, but `%s` inserts a bytes argument's raw bytes and a
    /// str argument's UTF-8 (MicroPython's rules). Works on a Latin-1 view of the bytes so any
    /// byte value survives the text formatter.
    static func percentFormatBytes(_ template: [UInt8], _ arg: Value) throws -> Value {
        func latin1(_ bytes: [UInt8]) -> String {
            var scalars = String.UnicodeScalarView()
            scalars.append(contentsOf: bytes.map { Unicode.Scalar($0) })
            return String(scalars)
        }
        func text(_ value: Value, repr asRepr: Bool) throws -> String {
            if !asRepr, let bytes = bytesLike(value) { return latin1(bytes) }
            if !asRepr, case .str(let string) = value { return latin1(Array(string.value.utf8)) }
            return latin1(Array((asRepr ? try repr(value) : try str(value)).utf8))
        }
        let arguments = percentArguments(arg)
        let conversions = PercentConversions<Value>(
            str: { try text($0, repr: false) },
            repr: { try text($0, repr: true) },
            number: percentNumber,
            string: { value in
                if case .str(let string) = value { return latin1(Array(string.value.utf8)) }
                return nil
            })
        let result = try Pylib.runMixed { try PercentFormatter.format(latin1(template), arguments, conversions) }
        return .makeBytes(result.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) })
    }
}
