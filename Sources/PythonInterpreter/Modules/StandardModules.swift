import BigInt
import Foundation

/// Builtin modules are created lazily on first import, per interpreter. pylib's modules are
/// listed in Modules/PylibModules.swift (see the how-to there). `import ufoo` falls back to
/// `foo` automatically.
extension Runtime {

    func registerStandardModules() {
        builtinModuleMakers["sys"] = { $0.makeSysModule() }
        builtinModuleMakers["builtins"] = { rt in
            let m = PyModule(name: "builtins", dict: rt.builtins)
            return m
        }
        builtinModuleMakers["micropython"] = { $0.makeMicropythonModule() }
        builtinModuleMakers["gc"] = { $0.makeGCModule() }
        builtinModuleMakers["errno"] = { _ in makeErrnoModule() }
        builtinModuleMakers["os"] = { $0.makeOSModule() }
        builtinModuleMakers["time"] = { $0.makeTimeModule() }
        builtinModuleMakers["math"] = { _ in makeMathModule() }
        builtinModuleMakers["cmath"] = { _ in makeCmathModule() }
        builtinModuleMakers["io"] = { $0.makeIOModule() }
        builtinModuleMakers["collections"] = { $0.makeCollectionsModule() }
        builtinModuleMakers["array"] = { _ in makeArrayModule() }
        for (n, f) in pylibModuleMakers { builtinModuleMakers[n] = f }
        // sys must exist for sys.path lookups
        _ = try? loadModule("sys", parent: nil)
    }

    func module(_ name: String, _ functions: [(String, NativeFn)]) -> PyModule {
        let m = PyModule(name: name)
        for (n, f) in functions { m.dict.setStr(n, .object(PyBuiltinFunction(n, f))) }
        return m
    }

    func makeSysModule() -> PyModule {
        let c = configuration
        let m = module("sys", [
            ("exit", { args, _ in
                throw PyError(exception: makeException(systemExitType, args.isEmpty ? [] : [args[0]]))
            }),
            ("print_exception", { [unowned self] args, _ in
                guard case .object(let e as PyExceptionObject)? = args.first else { throw typeError("print_exception expects an exception") }
                let text = self.formatException(e)
                if args.count > 1 { _ = try callMethod(args[1], "write", [.string(text)]) } else { try self.writeOut(text) }
                return .none
            }),
            ("settrace", { _, _ in .none }),
            ("exc_info", { [unowned self] _, _ in
                guard let e = self.handlingStack.last else { return .tuple([.none, .none, .none]) }
                return .tuple([.object(e.cls), .object(e), .none])
            }),
            ("getrecursionlimit", { [unowned self] _, _ in .int(self.recursionLimit) }),
            ("setrecursionlimit", { [unowned self] a, _ in try needArgs(a, 1); self.recursionLimit = min(try toInt(a[0]), self.configuration.recursionLimit * 4); return .none }),
        ])
        m.dict.setStr("argv", .list(c.argv.map { .string($0) }))
        m.dict.setStr("path", .list(c.path.map { .string($0) }))
        m.dict.setStr("modules", .object(modules))
        m.dict.setStr("platform", .string(c.platform))
        m.dict.setStr("byteorder", .string("little"))
        m.dict.setStr("maxsize", .int(Int.max))
        m.dict.setStr("version", .string(c.versionText))
        m.dict.setStr("version_info", .tuple([.int(3), .int(4), .int(0)]))
        let implCls = PyClass(name: "implementation", bases: [objectType])
        let impl = PyInstance(cls: implCls)
        impl.attrs["name"] = .string(c.implementationName)
        impl.attrs["version"] = .tuple([.int(c.version.major), .int(c.version.minor), .int(c.version.patch), .string("")])
        impl.attrs["_machine"] = .string(c.machine)
        impl.attrs["_mpy"] = .int(6)
        implCls.dict.setStr("__repr__", .object(PyBuiltinFunction("__repr__") { a, _ in
            guard case .object(let i as PyInstance) = a[0] else { return .string("") }
            let v = try repr(i.attrs["version"] ?? Value.none)
            return .string("(name='\(try str(i.attrs["name"] ?? Value.none))', version=\(v), _machine='\(try str(i.attrs["_machine"] ?? Value.none))', _mpy=6)")
        }))
        m.dict.setStr("implementation", .object(impl))
        m.dict.setStr("stdout", makeConsoleStream(.stdout))
        m.dict.setStr("stderr", makeConsoleStream(.stderr))
        m.dict.setStr("stdin", makeConsoleStream(.stdin))
        return m
    }

    func makeMicropythonModule() -> PyModule {
        let m = module("micropython", [
            ("const", { a, _ in a.first ?? Value.none }),
            ("kbd_intr", { [unowned self] a, _ in self.kbdInterruptChar = try toInt(a.first ?? .int(3)); return .none }),
            ("opt_level", { [unowned self] a, _ in
                if let x = a.first { self.optLevel = try toInt(x); return .none }
                return .int(self.optLevel)
            }),
            ("mem_info", { [unowned self] a, _ in
                try self.writeOut("stack: 2144 out of 80000\nGC: total: \(self.configuration.heapLimit), used: 4096, free: \(self.configuration.heapLimit - 4096)\n No. of 1-blocks: 20, 2-blocks: 8, max blk sz: 32, max free sz: \(self.configuration.heapLimit / 16)\n")
                _ = a
                return .none
            }),
            ("qstr_info", { [unowned self] _, _ in try self.writeOut("qstr pool: n_pool=1, n_qstr=0, n_str_data_bytes=0, n_total_bytes=0\n"); return .none }),
            ("stack_use", { _, _ in .int(2000) }),
            ("heap_lock", { [unowned self] _, _ in self.heapLocked += 1; return .none }),
            ("heap_unlock", { [unowned self] _, _ in self.heapLocked = max(0, self.heapLocked - 1); return .int(self.heapLocked) }),
            ("heap_locked", { [unowned self] _, _ in .int(self.heapLocked) }),
            ("alloc_emergency_exception_buf", { _, _ in .none }),
            ("schedule", { a, _ in _ = try callValue(a[0], [a.count > 1 ? a[1] : .none], []); return .none }),
        ])
        let ident = PyBuiltinFunction("native") { a, _ in a.first ?? Value.none }
        m.dict.setStr("native", .object(ident))
        m.dict.setStr("viper", .object(ident))
        m.dict.setStr("asm_thumb", .object(ident))
        return m
    }

    func makeGCModule() -> PyModule {
        module("gc", [
            ("collect", { _, _ in .int(0) }),
            ("enable", { [unowned self] _, _ in self.gcEnabled = true; return .none }),
            ("disable", { [unowned self] _, _ in self.gcEnabled = false; return .none }),
            ("isenabled", { [unowned self] _, _ in .bool(self.gcEnabled) }),
            ("mem_free", { [unowned self] _, _ in .int(self.configuration.heapLimit - 65536) }),
            ("mem_alloc", { _, _ in .int(65536) }),
            ("threshold", { [unowned self] a, _ in
                guard let n = a.first else { return .int(self.gcThreshold) }
                let bytes = try toInt(n)
                self.gcThreshold = bytes < 0 ? -1 : bytes / 16 * 16
                return .none
            }),
        ])
    }
}

let errnoNames: [(String, Int)] = [
    ("EPERM", 1), ("ENOENT", 2), ("EIO", 5), ("EBADF", 9), ("EAGAIN", 11), ("ENOMEM", 12), ("EACCES", 13),
    ("EEXIST", 17), ("ENODEV", 19), ("ENOTDIR", 20), ("EISDIR", 21), ("EINVAL", 22), ("ENOSPC", 28),
    ("EROFS", 30), ("ENOTEMPTY", 39), ("EOPNOTSUPP", 95), ("EADDRINUSE", 98), ("ECONNABORTED", 103),
    ("ECONNRESET", 104), ("ENOBUFS", 105), ("ENOTCONN", 107), ("ETIMEDOUT", 110), ("ECONNREFUSED", 111),
    ("EHOSTUNREACH", 113), ("EALREADY", 114), ("EINPROGRESS", 115),
]

func makeErrnoModule() -> PyModule {
    let m = PyModule(name: "errno")
    let code = PyDict()
    for (n, v) in errnoNames {
        m.dict.setStr(n, .int(v))
        try? code.set(.int(v), .string(n))
    }
    code.isFixed = true
    m.dict.setStr("errorcode", .object(code))
    return m
}
