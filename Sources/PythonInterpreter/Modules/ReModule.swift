/// `re` on `RegexEngine`. Like MicroPython, a str subject is matched as UTF-8 bytes and groups
/// are decoded back (a group that splits a character raises UnicodeError); the module has
/// compile/match/search/sub, compiled patterns add split, and match objects have only `group`:
/// exactly the surface of the reference unix build, whose tests skip what it lacks.
func makeReModule() -> NativeModule {
    let module = NativeModule(name: "re")
    let patternClass = NativeClass(name: "re")
    let matchClass = NativeClass(name: "match")

    final class PatternBox {
        let engine: RegexEngine
        init(_ engine: RegexEngine) { self.engine = engine }
    }
    final class MatchBox {
        let match: RegexEngine.Match
        let subject: [UInt8]
        let isText: Bool
        init(_ match: RegexEngine.Match, _ subject: [UInt8], _ isText: Bool) {
            self.match = match
            self.subject = subject
            self.isText = isText
        }

        func group(_ number: Int) throws -> Value {
            guard let range = match.range(number) else { return .none }
            return try Subject.value(Array(subject[range]), isText: isText)
        }
    }
    enum Subject {
        static func bytes(_ value: Value) throws -> (bytes: [UInt8], isText: Bool) {
            if case .str(let text) = value { return (Array(text.value.utf8), true) }
            if let bytes = bytesLike(value) { return (bytes, false) }
            throw Pylib.strNeeded(value)
        }

        static func value(_ bytes: [UInt8], isText: Bool) throws -> Value {
            guard isText else { return .makeBytes(bytes) }
            guard let text = String(validating: bytes, as: UTF8.self) else { throw pyErr(unicodeErrorType, "") }
            return .string(text)
        }
    }

    func compile(_ value: Value) throws -> RegexEngine {
        if case .object(let object as PyInstance) = value, let box = object.nativeState as? PatternBox { return box.engine }
        let pattern = try Subject.bytes(value).bytes
        return try Pylib.run { () throws(EngineError) in try RegexEngine(pattern: pattern) }
    }
    func matchValue(_ found: RegexEngine.Match?, _ subject: [UInt8], _ isText: Bool) -> Value {
        guard let found else { return .none }
        return matchClass.makeInstance(state: MatchBox(found, subject, isText))
    }
    func run(_ engine: RegexEngine, _ subjectValue: Value?, search: Bool) throws -> Value {
        guard let subjectValue else { throw typeError("function missing required positional argument #2") }
        let (subject, isText) = try Subject.bytes(subjectValue)
        let found = try Pylib.run { () throws(EngineError) in
            search ? try engine.search(subject) : try engine.match(subject)
        }
        return matchValue(found, subject, isText)
    }
    func substitute(_ engine: RegexEngine, _ replacement: Value, _ subjectValue: Value, _ count: Int) throws -> Value {
        let (subject, isText) = try Subject.bytes(subjectValue)
        var template: [UInt8]?
        if case .str(let text) = replacement {
            template = Array(text.value.utf8)
        } else if let bytes = bytesLike(replacement) {
            template = bytes
        } else if !isCallable(replacement) {
            throw Pylib.strNeeded(replacement)
        }
        let result = try Pylib.runMixed {
            try engine.substitute(subject, count: count) { found in
                if let template {
                    return try RegexEngine.expand(template: template, match: found, subject: subject)
                }
                let produced = try callValue(replacement, [matchValue(found, subject, isText)], [])
                if case .str(let text) = produced { return Array(text.value.utf8) }
                if let bytes = bytesLike(produced) { return bytes }
                throw Pylib.strNeeded(produced)
            }
        }
        return try Subject.value(result, isText: isText)
    }
    func split(_ engine: RegexEngine, _ subjectValue: Value, _ maxSplit: Int) throws -> Value {
        let (subject, isText) = try Subject.bytes(subjectValue)
        let pieces = try Pylib.run { () throws(EngineError) in try engine.split(subject, maxSplit: maxSplit) }
        return .makeList(try pieces.map { try Subject.value($0, isText: isText) })
    }

    func pattern(_ object: NativeObject) throws -> RegexEngine {
        guard let box = object.nativeState as? PatternBox else { throw typeError("not a compiled pattern") }
        return box.engine
    }
    patternClass.method("match") { object, args in try run(try pattern(object), args.value(0), search: false) }
    patternClass.method("search") { object, args in try run(try pattern(object), args.value(0), search: true) }
    patternClass.method("sub") { object, args in
        try Pylib.rejectKeywords(args.keywords)
        guard args.count >= 2 else { throw typeError("function missing required positional argument #2") }
        return try substitute(try pattern(object), args.positional[0], args.positional[1], try args.int(2, default: 0))
    }
    patternClass.method("split") { object, args in
        guard let subject = args.value(0) else { throw typeError("function missing required positional argument #1") }
        return try split(try pattern(object), subject, try args.int(1, default: 0))
    }
    patternClass.method("__repr__") { object, _ in .string("<re \(objectAddress(object))>") }

    func box(_ object: NativeObject) throws -> MatchBox {
        guard let box = object.nativeState as? MatchBox else { throw typeError("not a match") }
        return box
    }
    func groupNumber(_ box: MatchBox, _ value: Value?) throws -> Int {
        guard let value else { return 0 }
        let number = try toInt(value)
        guard number >= 0 && number <= box.match.groupCount else { throw indexError(String(number)) }
        return number
    }
    matchClass.method("group") { object, args in
        let box = try box(object)
        guard let value = args.value(0) else { throw typeError("function takes 2 positional arguments but 1 were given") }
        return try box.group(try groupNumber(box, value))
    }
    matchClass.method("__repr__") { object, _ in .string("<match num=\(try box(object).match.groupCount + 1)>") }

    module.function("compile") { args in
        guard let value = args.value(0) else { throw typeError("function missing required positional argument #1") }
        return patternClass.makeInstance(state: PatternBox(try compile(value)))
    }
    module.function("match") { args in
        guard let value = args.value(0) else { throw typeError("function missing required positional argument #1") }
        return try run(try compile(value), args.value(1), search: false)
    }
    module.function("search") { args in
        guard let value = args.value(0) else { throw typeError("function missing required positional argument #1") }
        return try run(try compile(value), args.value(1), search: true)
    }
    module.function("sub") { args in
        try Pylib.rejectKeywords(args.keywords)
        guard args.count >= 3 else { throw typeError("function missing required positional argument #3") }
        return try substitute(try compile(args.positional[0]), args.positional[1], args.positional[2], try args.int(3, default: 0))
    }
    // The classes stay out of the module's namespace: their names would shadow `re.match`.
    return module
}
