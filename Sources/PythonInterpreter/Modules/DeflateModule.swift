/// `deflate.DeflateIO`: a stream wrapper that decompresses on read and compresses on write.
func makeDeflateModule() -> NativeModule {
    let module = NativeModule(name: "deflate")
    for format in [DeflateFormat.auto, .raw, .zlib, .gzip] {
        module.constant(["AUTO", "RAW", "ZLIB", "GZIP"][format.rawValue], .int(format.rawValue))
    }
    final class State {
        let stream: Value
        let format: DeflateFormat
        let window: Int
        let closeStream: Bool
        var inflater: Inflater?
        var deflater: Deflater?
        var pending: [UInt8] = []
        var closed = false

        init(stream: Value, format: DeflateFormat, window: Int, closeStream: Bool) {
            self.stream = stream
            self.format = format
            self.window = window
            self.closeStream = closeStream
        }

        /// Decompresses until `want` bytes are pending (nil: to the end of the stream).
        func fill(_ want: Int?) throws {
            if closed { throw oserror(22) }
            try Pylib.requireStream(stream)
            if inflater == nil {
                let format = self.format
                inflater = try Pylib.run { () throws(EngineError) in try Inflater(format: format) }
            }
            guard let inflater else { return }
            // One byte at a time, like MicroPython: the source is never read past what the
            // requested output needs (programs check the source position).
            while !inflater.isFinished && (want == nil || pending.count < want!) {
                let chunkValue = try callMethod(stream, "read", [.int(1)])
                let chunk = chunkValue.isNone ? [] : try Pylib.buffer(chunkValue)
                if chunk.isEmpty { throw Pylib.exception(Inflater.truncated) }
                pending += try Pylib.run { () throws(EngineError) in try inflater.decompress(chunk) }.output
            }
        }

        func take(_ count: Int) -> [UInt8] {
            let taken = Array(pending.prefix(count))
            pending.removeFirst(taken.count)
            return taken
        }

        func close() throws {
            if closed { return }
            if let deflater {
                let tail = deflater.finish()
                if !tail.isEmpty { _ = try callMethod(stream, "write", [.makeBytes(tail)]) }
            }
            closed = true
            if closeStream { _ = try callMethod(stream, "close", []) }
        }
    }

    let cls = NativeClass(name: "DeflateIO")
    cls.initializer { object, args in
        guard let stream = args.value(0) else { throw typeError("function missing 1 required positional arguments") }
        if args.count > 4 { throw typeError("function expected at most 4 arguments, got \(args.count)") }
        let formatNumber = try args.int(1, "format", default: 0)
        guard let format = DeflateFormat(rawValue: formatNumber) else { throw valueError("format") }
        let window = try args.int(2, "wbits", default: 0)
        guard window == 0 || (5...15).contains(window) else { throw valueError("wbits") }
        object.nativeState = State(stream: stream, format: format, window: window, closeStream: try args.bool(3, "close"))
    }
    func state(_ object: NativeObject) throws -> State {
        guard let state = object.nativeState as? State else { throw typeError("DeflateIO not initialised") }
        return state
    }
    cls.method("read") { object, args in
        let state = try state(object)
        let count = try args.value(0).flatMap { $0.isNone ? nil : try toInt($0) }
        let want = count.flatMap { $0 < 0 ? nil : $0 }
        try state.fill(want)
        return .makeBytes(state.take(want ?? state.pending.count))
    }
    cls.method("readinto") { object, args in
        let state = try state(object)
        guard case .object(let target as PyByteArray)? = args.value(0) else {
            throw typeError("object with buffer protocol required")
        }
        let limit = try args.value(1).map { try toInt($0) } ?? target.bytes.count
        let want = min(limit, target.bytes.count)
        try state.fill(want)
        let taken = state.take(want)
        target.bytes.replaceSubrange(0..<taken.count, with: taken)
        return .int(taken.count)
    }
    cls.method("readline") { object, _ in
        let state = try state(object)
        var line: [UInt8] = []
        while true {
            try state.fill(1)
            guard !state.pending.isEmpty else { break }
            let byte = state.take(1)[0]
            line.append(byte)
            if byte == 10 { break }
        }
        return .makeBytes(line)
    }
    cls.method("write") { object, args in
        let state = try state(object)
        if state.closed { throw oserror(22) }
        try Pylib.requireStream(state.stream)
        guard let value = args.value(0) else { throw typeError("function missing required positional argument #1") }
        let bytes = try Pylib.buffer(value)
        if state.deflater == nil {
            let format = state.format
            let window = state.window
            state.deflater = try Pylib.run { () throws(EngineError) in try Deflater(format: format, window: window) }
        }
        let output = state.deflater!.compress(bytes)
        if !output.isEmpty { _ = try callMethod(state.stream, "write", [.makeBytes(output)]) }
        return .int(bytes.count)
    }
    cls.method("close") { object, _ in
        try state(object).close()
        return .none
    }
    cls.method("__enter__") { object, _ in .object(object) }
    cls.method("__exit__") { object, _ in
        try state(object).close()
        return .none
    }
    cls.method("__repr__") { _, _ in .string("<DeflateIO>") }
    module.addClass(cls)
    return module
}
