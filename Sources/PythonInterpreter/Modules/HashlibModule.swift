/// `hashlib`: sha256, sha1 and md5 objects with MicroPython's `update`/`digest` only.
func makeHashlibModule() -> NativeModule {
    let module = NativeModule(name: "hashlib")
    final class Box {
        var state: HashState
        init(_ state: HashState) { self.state = state }
    }
    for algorithm in HashState.Algorithm.allCases {
        let cls = NativeClass(name: algorithm.rawValue)
        cls.initializer { object, args in
            let box = Box(HashState(algorithm))
            if let initial = args.value(0) {
                let bytes = try Pylib.buffer(initial)
                try Pylib.run { () throws(EngineError) in try box.state.update(bytes) }
            }
            object.nativeState = box
        }
        cls.method("update") { object, args in
            guard let box = object.nativeState as? Box else { throw typeError("hash not initialised") }
            guard let value = args.value(0) else { throw typeError("function missing required positional argument #1") }
            let bytes = try Pylib.buffer(value)
            try Pylib.run { () throws(EngineError) in try box.state.update(bytes) }
            return .none
        }
        cls.method("digest") { object, _ in
            guard let box = object.nativeState as? Box else { throw typeError("hash not initialised") }
            return .makeBytes(try Pylib.run { () throws(EngineError) in try box.state.digest() })
        }
        module.addClass(cls)
    }
    return module
}
