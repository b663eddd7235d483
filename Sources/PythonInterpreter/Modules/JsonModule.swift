/// `json`: loads/load through `JSONParser`, dumps/dump with MicroPython's output rules.
func makeJsonModule() -> NativeModule {
    let module = NativeModule(name: "json")

    func toPython(_ value: JSONValue) throws -> Value {
        switch value {
        case .null: return .none
        case .bool(let flag): return .bool(flag)
        case .integer(let number): return .bigint(number)
        case .float(let number): return .float(number)
        case .string(let text): return .string(text)
        case .array(let items): return .makeList(try items.map(toPython))
        case .object(let members):
            let dict = PyDict()
            for member in members { try dict.set(try toPython(member.key), try toPython(member.value)) }
            return .object(dict)
        }
    }
    func parse(_ value: Value) throws -> Value {
        let text: [UInt8]
        if case .str(let string) = value {
            text = Array(string.value.utf8)
        } else if let bytes = bytesLike(value) {
            text = bytes
        } else {
            throw typeError("object with buffer protocol required")
        }
        return try toPython(try Pylib.run { () throws(EngineError) in try JSONParser.parse(text) })
    }

    func writer(_ args: NativeArguments) throws -> JSONWriter {
        for (name, _) in args.keywords where name != "separators" {
            throw typeError("extra keyword arguments given")
        }
        guard let separators = args.keywords.first(where: { $0.0 == "separators" })?.1, !separators.isNone else {
            return JSONWriter()
        }
        let parts: [Value]
        switch separators {
        case .object(let tuple as PyTuple): parts = tuple.items
        case .object(let list as PyList): parts = list.items
        default: throw typeError("object '\(Pylib.typeName(separators))' isn't a tuple or list")
        }
        guard parts.count == 2 else { throw valueError("requested length 2 but object has length \(parts.count)") }
        func text(_ value: Value) throws -> String {
            guard case .str(let string) = value else { throw Pylib.strNeeded(value) }
            return string.value
        }
        return JSONWriter(itemSeparator: try text(parts[0]), keySeparator: try text(parts[1]))
    }
    func encode(_ value: Value, _ writer: JSONWriter, _ output: inout String, depth: Int) throws {
        if depth > 200 { throw pyErr(runtimeErrorType, "maximum recursion depth exceeded") }
        switch value {
        case .none: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .int(let number): output += String(number)
        case .float(let number): output += FloatFormatter.repr(number)
        case .str(let text): output += JSONWriter.quote(text.value)
        case .object(let object):
            if let big = object as? PyBigInt {
                output += big.value.description
            } else if let list = object as? PyList {
                try encodeItems(list.items, writer, &output, depth: depth)
            } else if let tuple = object as? PyTuple {
                try encodeItems(tuple.items, writer, &output, depth: depth)
            } else if let instance = object as? PyInstance, let base = instance.base, !instance.cls.mro.contains(where: { $0.isNamedTuple }) {
                // Subclasses of builtin types (class L(list)) encode as their base; namedtuples
                // are their own type in MicroPython and print as text.
                try encode(base, writer, &output, depth: depth + 1)
            } else if let dict = object as? PyDict, !dict.isSet {
                output += "{"
                var position = 0
                var first = true
                while let entry = dict.entry(at: &position) {
                    if !first { output += writer.itemSeparator }
                    first = false
                    if case .str(let key) = entry.key {
                        output += JSONWriter.quote(key.value)
                    } else {
                        var keyText = ""
                        try encode(entry.key, writer, &keyText, depth: depth + 1)
                        output += "\"" + keyText + "\""
                    }
                    output += writer.keySeparator
                    try encode(entry.value, writer, &output, depth: depth + 1)
                }
                output += "}"
            } else if let bytes = bytesLike(value) {
                output += "\"" + String(decoding: bytes, as: UTF8.self) + "\""
            } else {
                output += try str(value)
            }
        }
    }
    func encodeItems(_ items: [Value], _ writer: JSONWriter, _ output: inout String, depth: Int) throws {
        output += "["
        for (offset, item) in items.enumerated() {
            if offset > 0 { output += writer.itemSeparator }
            try encode(item, writer, &output, depth: depth + 1)
        }
        output += "]"
    }
    func dumps(_ value: Value, _ args: NativeArguments) throws -> String {
        var output = ""
        try encode(value, try writer(args), &output, depth: 0)
        return output
    }

    module.function("loads") { args in
        guard let value = args.value(0) else { throw typeError("function missing required positional argument #1") }
        return try parse(value)
    }
    module.function("load") { args in
        guard let stream = args.value(0) else { throw typeError("function missing required positional argument #1") }
        try Pylib.requireStream(stream)
        return try parse(try callMethod(stream, "read", []))
    }
    module.function("dumps") { args in
        guard let value = args.value(0) else { throw typeError("function missing required positional argument #1") }
        return .string(try dumps(value, args))
    }
    module.function("dump") { args in
        guard args.count >= 2 else { throw typeError("function missing required positional argument #2") }
        let text = try dumps(args.positional[0], args)
        try Pylib.requireStream(args.positional[1])
        _ = try callMethod(args.positional[1], "write", [.string(text)])
        return .none
    }
    return module
}
