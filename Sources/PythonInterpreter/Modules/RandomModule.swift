import Foundation

/// `random` on MicroPython's Yasmarang generator, seeded from the clock on import like the
/// unix port, so `random.seed(n)` reproduces a board's sequence exactly.
func makeRandomModule() -> NativeModule {
    let module = NativeModule(name: "random")
    final class Generator {
        var engine = Yasmarang(seed: UInt32(truncatingIfNeeded: UInt64(Date().timeIntervalSince1970 * 1_000_000)))
    }
    let generator = Generator()
    func integer(_ value: Value) throws -> Int { try toInt(value) }
    module.function("seed") { args in
        if let value = args.value(0), !value.isNone {
            guard let number = Pylib.bigInteger(value) else { throw typeError("can't convert \(Pylib.typeName(value)) to int") }
            generator.engine.seed(UInt32(truncatingIfNeeded: number))
        } else {
            generator.engine.seed(UInt32(truncatingIfNeeded: UInt64(Date().timeIntervalSince1970 * 1_000_000)))
        }
        return .none
    }
    module.function("getrandbits") { args in
        let bits = try args.int(0)
        return .int(Int(try Pylib.run { () throws(EngineError) in try generator.engine.bits(bits) }))
    }
    module.function("randrange") { args in
        let start = try args.int(0)
        let stop = try args.value(1).map(integer)
        let step = try args.value(2).map(integer)
        return .int(try Pylib.run { () throws(EngineError) in try generator.engine.range(start: start, stop: stop, step: step) })
    }
    module.function("randint") { args in
        let low = try args.int(0)
        let high = try args.int(1)
        guard low <= high else { throw Pylib.exception(EngineError(.valueError, "")) }
        return .int(low &+ Int(generator.engine.below(UInt32(truncatingIfNeeded: high &- low &+ 1))))
    }
    module.function("choice") { args in
        guard let sequence = args.value(0) else { throw typeError("function missing required positional argument #1") }
        let count = try length(sequence)
        guard count > 0 else { throw Pylib.exception(EngineError(.indexError, "")) }
        return try getItem(sequence, .int(Int(generator.engine.below(UInt32(truncatingIfNeeded: count)))))
    }
    module.function("random") { _ in .float(generator.engine.unit()) }
    module.function("uniform") { args in
        let low = try args.double(0)
        let high = try args.double(1)
        return .float(low + (high - low) * generator.engine.unit())
    }
    return module
}
