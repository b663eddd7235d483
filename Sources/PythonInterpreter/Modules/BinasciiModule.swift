/// `binascii`: hex and base64 conversions and CRC-32 through the `Binascii` engine.
func makeBinasciiModule() -> NativeModule {
    let module = NativeModule(name: "binascii")
    func data(_ args: NativeArguments, _ index: Int) throws -> [UInt8] {
        guard let value = args.value(index) else { throw typeError("function missing required positional argument #\(index + 1)") }
        return try Pylib.buffer(value)
    }
    module.function("hexlify") { args in
        let separator = try args.value(1).flatMap { $0.isNone ? nil : try Pylib.buffer($0) }
        return .makeBytes(Binascii.hexlify(try data(args, 0), separator: separator))
    }
    module.function("unhexlify") { args in
        let text = try data(args, 0)
        return .makeBytes(try Pylib.run { () throws(EngineError) in try Binascii.unhexlify(text) })
    }
    module.function("a2b_base64") { args in
        let text = try data(args, 0)
        return .makeBytes(try Pylib.run { () throws(EngineError) in try Binascii.a2bBase64(text) })
    }
    module.function("b2a_base64") { args in
        .makeBytes(Binascii.b2aBase64(try data(args, 0), newline: try args.bool(99, "newline", default: true)))
    }
    module.function("crc32") { args in
        var start: UInt32 = 0
        if let value = args.value(1), let integer = Pylib.bigInteger(value) {
            start = UInt32(truncatingIfNeeded: integer)
        }
        return .int(Int(Binascii.crc32(try data(args, 0), start: start)))
    }
    return module
}
