import Foundation

/// Files, in-memory streams and the console streams share one object type with a backend.
final class PyStream: PyObject {
    enum Backend {
        case memory
        case file(FileHandle)
        case stdout, stderr, stdin
    }
    var backend: Backend
    let isText: Bool
    var buffer: [UInt8] = []
    var position = 0
    var closed = false
    let cls: PyClass
    weak var runtime: Runtime?
    var name: String = ""

    init(_ backend: Backend, text: Bool, cls: PyClass, runtime: Runtime?) {
        self.backend = backend; self.isText = text; self.cls = cls; self.runtime = runtime
    }
    override var pyClass: PyClass { cls }

    /// A closed file raises EBADF; a closed BytesIO/StringIO raises MicroPython's ValueError.
    func checkOpen() throws {
        guard closed else { return }
        if case .memory = backend { throw valueError("I/O operation on closed file") }
        throw oserror(9)
    }

    func write(_ bytes: [UInt8]) throws -> Int {
        try checkOpen()
        switch backend {
        case .memory:
            if position > buffer.count { buffer += [UInt8](repeating: 0, count: position - buffer.count) }
            let end = position + bytes.count
            if end > buffer.count { buffer += [UInt8](repeating: 0, count: end - buffer.count) }
            buffer.replaceSubrange(position..<end, with: bytes)
            position = end
            try checkAllocation(buffer.count)
        case .file(let h):
            do { _ = try h.write(bytes) } catch let e as FileSystemError { throw oserror(Int(e.errno)) }
        case .stdout: runtime?.host.writeStdout(bytes)
        case .stderr: runtime?.host.writeStderr(bytes)
        case .stdin: throw oserror(9)
        }
        return bytes.count
    }

    /// Reads up to n bytes (n < 0: all).
    func read(_ n: Int) throws -> [UInt8] {
        try checkOpen()
        switch backend {
        case .memory:
            let end = n < 0 ? buffer.count : min(buffer.count, position + n)
            if position >= end { return [] }
            let r = Array(buffer[position..<end])
            position = end
            return r
        case .file(let h):
            do {
                if n >= 0 { return try h.read(maxCount: n) }
                var all: [UInt8] = []
                while true {
                    let c = try h.read(maxCount: 65536)
                    if c.isEmpty { break }
                    all += c
                }
                return all
            } catch let e as FileSystemError { throw oserror(Int(e.errno)) }
        case .stdin:
            var out: [UInt8] = []
            while n < 0 || out.count < n {
                guard let runtime else { break }
                if runtime.interruptPending.pointee != 0 { try runtime.raiseInterrupt() }
                guard let c = runtime.host.readStdin(maxCount: n < 0 ? 1 : n - out.count) else { break }
                out += c
                if n < 0 && c.contains(10) { break }
                if !c.isEmpty && n >= 0 { break }
            }
            return out
        default: throw oserror(9)
        }
    }

    func readLine(limit: Int = -1) throws -> [UInt8] {
        var out: [UInt8] = []
        while limit < 0 || out.count < limit {
            let b = try read(1)
            if b.isEmpty { break }
            out += b
            if b[0] == 10 { break }
        }
        return out
    }

    func decodeRead(_ b: [UInt8]) -> Value {
        isText ? .string(String(decoding: b, as: UTF8.self)) : .bytes(b)
    }
}

nonisolated(unsafe) let ioBaseType = makeType("IOBase", objectType)
nonisolated(unsafe) let textIOType = makeType("TextIOWrapper", objectType)
nonisolated(unsafe) let fileIOType = makeType("FileIO", objectType)
nonisolated(unsafe) let stringIOType = makeType("StringIO", objectType)
nonisolated(unsafe) let bytesIOType = makeType("BytesIO", objectType)

private func selfStream(_ a: [Value]) throws -> PyStream {
    if case .object(let s as PyStream)? = a.first { return s }
    if case .object(let inst as PyInstance)? = a.first, case .object(let s as PyStream)? = inst.base { return s }
    throw typeError("expected a stream")
}

let streamMethodsInstalled: Bool = {
    let methods: [(String, NativeFn)] = [
        ("read", { a, _ in
            let s = try selfStream(a)
            let n = a.count > 1 && !a[1].isNone ? try toInt(a[1]) : -1
            if s.isText && n >= 0, case .memory = s.backend {
                // n characters, not bytes
                var out: [UInt8] = []
                var chars = 0
                while chars < n {
                    let b = try s.read(1)
                    if b.isEmpty { break }
                    out += b
                    if b[0] & 0xC0 != 0x80 { chars += 1 }
                    while s.position < s.buffer.count && s.buffer[s.position] & 0xC0 == 0x80 { out += try s.read(1) }
                }
                return s.decodeRead(out)
            }
            return s.decodeRead(try s.read(n))
        }),
        ("readinto", { a, _ in
            let s = try selfStream(a)
            guard a.count > 1, case .object(let o) = a[1] else { throw typeError("readinto needs a buffer") }
            var target: PyByteArray? = o as? PyByteArray
            var start = 0
            var cap = 0
            if let m = o as? PyMemoryView { target = m.base as? PyByteArray; start = m.start; cap = m.count } else { cap = target?.bytes.count ?? 0 }
            guard let t = target else { throw typeError("readinto needs a writable buffer") }
            if a.count > 2 { cap = min(cap, try toInt(a[2])) }
            let data = try s.read(cap)
            for (i, b) in data.enumerated() { t.bytes[start + i] = b }
            return .int(data.count)
        }),
        ("readline", { a, _ in
            let s = try selfStream(a)
            return s.decodeRead(try s.readLine(limit: a.count > 1 && !a[1].isNone ? try toInt(a[1]) : -1))
        }),
        ("readlines", { a, _ in
            let s = try selfStream(a)
            var out: [Value] = []
            while true {
                let l = try s.readLine()
                if l.isEmpty { break }
                out.append(s.decodeRead(l))
            }
            return .list(out)
        }),
        ("write", { a, _ in
            let s = try selfStream(a)
            guard a.count > 1 else { throw typeError("write needs an argument") }
            if s.isText {
                guard case .str(let t) = a[1] else { throw typeError("can't convert '\(typeName(a[1]))' object to str implicitly") }
                _ = try s.write(Array(t.value.utf8))
                return .int(t.count)
            }
            guard let b = bytesLike(a[1]) else { throw typeError("object with buffer protocol required") }
            return .int(try s.write(b))
        }),
        ("seek", { a, _ in
            let s = try selfStream(a)
            let off = try toInt(a.count > 1 ? a[1] : .int(0))
            let whence = a.count > 2 ? try toInt(a[2]) : 0
            switch s.backend {
            case .memory:
                let base = whence == 0 ? 0 : (whence == 1 ? s.position : s.buffer.count)
                s.position = max(0, base + off)
                return .int(s.position)
            case .file(let h):
                try s.checkOpen()
                do { return .int(try h.seek(offset: off, whence: whence)) } catch let e as FileSystemError { throw oserror(Int(e.errno)) }
            default: throw oserror(29)
            }
        }),
        ("tell", { a, _ in
            let s = try selfStream(a)
            switch s.backend {
            case .memory: return .int(s.position)
            case .file(let h): return .int((try? h.tell()) ?? 0)
            default: return .int(0)
            }
        }),
        ("flush", { a, _ in
            let s = try selfStream(a)
            if case .file(let h) = s.backend { try? h.flush() }
            return .none
        }),
        ("close", { a, _ in
            let s = try selfStream(a)
            if case .file(let h) = s.backend { try? h.close() }
            if case .stdout = s.backend { return .none }
            s.closed = true
            return .none
        }),
        ("getvalue", { a, _ in
            let s = try selfStream(a)
            guard case .memory = s.backend else { throw attributeError("'\(s.cls.name)' object has no attribute 'getvalue'") }
            try s.checkOpen()
            return s.decodeRead(s.buffer)
        }),
        ("fileno", { a, _ in
            let s = try selfStream(a)
            switch s.backend { case .stdin: return .int(0); case .stdout: return .int(1); case .stderr: return .int(2); default: return .int(3) }
        }),
        ("__enter__", { a, _ in try needArgs(a, 1); return a[0] }),
        ("__exit__", { a, _ in
            let s = try selfStream(a)
            if case .file(let h) = s.backend { try? h.close() }
            s.closed = true
            return .none
        }),
        ("__iter__", { a, _ in
            let s = try selfStream(a)
            return .object(PyNativeIterator { () -> Value? in
                let l = try s.readLine()
                return l.isEmpty ? nil : s.decodeRead(l)
            })
        }),
        ("__next__", { a, _ in
            let s = try selfStream(a)
            let l = try s.readLine()
            if l.isEmpty { throw PyError(exception: makeException(stopIterationType, [])) }
            return s.decodeRead(l)
        }),
    ]
    for t in [textIOType, fileIOType, stringIOType, bytesIOType] { addMethods(t, methods) }
    return true
}()

extension Runtime {
    func makeIOModule() -> PyModule {
        _ = streamMethodsInstalled
        let m = PyModule(name: "io")
        m.dict.setStr("IOBase", .object(ioBaseType))
        stringIOType.constructor = stringIOType.constructor ?? { args, _ in
            let s = PyStream(.memory, text: true, cls: stringIOType, runtime: nil)
            if let x = args.first, !x.isNone { s.buffer = Array(try toStr(x).utf8) }
            return .object(s)
        }
        bytesIOType.constructor = bytesIOType.constructor ?? { args, _ in
            let s = PyStream(.memory, text: false, cls: bytesIOType, runtime: nil)
            if let x = args.first, !x.isNone {
                if case .int(let n) = x { s.buffer = [UInt8](repeating: 0, count: n); s.buffer = [] } else { s.buffer = try bytesFromValue(x) }
            }
            return .object(s)
        }
        m.dict.setStr("StringIO", .object(stringIOType))
        m.dict.setStr("BytesIO", .object(bytesIOType))
        m.dict.setStr("TextIOWrapper", .object(textIOType))
        m.dict.setStr("FileIO", .object(fileIOType))
        m.dict.setStr("open", builtins.getStr("open") ?? Value.none)
        return m
    }

    func openFile(_ args: [Value], _ kw: KwArgs) throws -> Value {
        _ = streamMethodsInstalled
        guard let pathV = args.first ?? kwarg(kw, "file") else { throw typeError("function missing 1 required positional arguments") }
        let mode = args.count > 1 ? try toStr(args[1]) : ((try? toStr(kwarg(kw, "mode") ?? .string("r"))) ?? "r")
        let path = try toStr(pathV)
        let valid = Set("rwaxbt+")
        if mode.isEmpty || !mode.allSatisfy({ valid.contains($0) }) { throw valueError("invalid mode: '\(mode)'") }
        let abs = absolutePath(path)
        do {
            let h = try host.fileSystem.open(abs, mode: mode)
            let binary = mode.contains("b")
            let s = PyStream(.file(h), text: !binary, cls: binary ? fileIOType : textIOType, runtime: self)
            s.name = path
            return .object(s)
        } catch let e as FileSystemError {
            throw oserror(Int(e.errno))
        }
    }

    func makeConsoleStream(_ backend: PyStream.Backend) -> Value {
        _ = streamMethodsInstalled
        let text = PyStream(backend, text: true, cls: textIOType, runtime: self)
        return .object(text)
    }
}
