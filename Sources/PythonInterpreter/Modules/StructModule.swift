import BigInt

/// `struct`: pack/unpack through `StructLayout`.
func makeStructModule() -> NativeModule {
    let module = NativeModule(name: "struct")
    func layout(_ value: Value?) throws -> StructLayout {
        guard let value else { throw typeError("function missing required positional argument #1") }
        let format: String
        if case .str(let text) = value {
            format = text.value
        } else if let bytes = bytesLike(value) {
            format = String(decoding: bytes, as: UTF8.self)
        } else {
            throw Pylib.strNeeded(value)
        }
        return try Pylib.run { () throws(EngineError) in try StructLayout(format: format) }
    }
    func argument(_ value: Value) -> StructArgument {
        switch value {
        case .float(let number): return .float(number)
        case .str(let text): return .text(Array(text.value.utf8))
        default:
            if let integer = Pylib.bigInteger(value) { return .integer(integer) }
            if let bytes = bytesLike(value) { return .bytes(bytes) }
            return .other(typeName: Pylib.typeName(value))
        }
    }
    func pythonValues(_ values: [StructValue]) -> Value {
        .makeTuple(values.map { value in
            switch value {
            case .integer(let number): return .bigint(number)
            case .float(let number): return .float(number)
            case .bytes(let bytes): return .makeBytes(bytes)
            }
        })
    }
    module.function("calcsize") { args in
        .int(try layout(args.value(0)).size)
    }
    module.function("pack") { args in
        let layout = try layout(args.value(0))
        let values = args.positional.dropFirst().map(argument)
        return .makeBytes(try Pylib.run { () throws(EngineError) in try layout.pack(Array(values)) })
    }
    module.function("pack_into") { args in
        let layout = try layout(args.value(0))
        guard args.count >= 3 else { throw typeError("function missing required positional argument #3") }
        let offset = try toInt(args.positional[2])
        let values = args.positional.dropFirst(3).map(argument)
        guard case .object(let object) = args.positional[1], let array = object as? PyByteArray else {
            throw typeError("object with buffer protocol required")
        }
        var bytes = array.bytes
        try Pylib.run { () throws(EngineError) in try layout.pack(Array(values), into: &bytes, at: offset) }
        array.bytes = bytes
        return .none
    }
    module.function("unpack") { args in
        let layout = try layout(args.value(0))
        guard let buffer = args.value(1) else { throw typeError("function missing required positional argument #2") }
        let bytes = try Pylib.buffer(buffer)
        return pythonValues(try Pylib.run { () throws(EngineError) in try layout.unpack(bytes) })
    }
    module.function("unpack_from") { args in
        let layout = try layout(args.value(0))
        guard let buffer = args.value(1) else { throw typeError("function missing required positional argument #2") }
        let bytes = try Pylib.buffer(buffer)
        let offset = try args.int(2, "offset", default: 0)
        return pythonValues(try Pylib.run { () throws(EngineError) in try layout.unpack(bytes, at: offset) })
    }
    return module
}
