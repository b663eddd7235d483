import Foundation

/// The state of one running interpreter: modules, builtins, recursion depth, the interrupt flag.
/// Everything a running program can reach hangs off this object, so two interpreters never
/// share mutable state.
final class Runtime {
    let configuration: InterpreterConfiguration
    var builtins = PyDict()
    var modules = PyDict()          // sys.modules
    /// Builtin modules are read-only (MicroPython's rule) except while a host's set-up runs.
    private var builtinModulesSealed = true
    var nativeModules: [String: NativeModule] = [:]
    var sourceModules: [String: String] = [:]
    var builtinModuleMakers: [String: (Runtime) -> PyModule] = [:]
    var depth = 0
    var recursionLimit: Int
    let interruptPending: UnsafeMutablePointer<Int>
    var kbdInterruptChar = 3
    var cwd = "/"
    var handlingStack: [PyExceptionObject] = []
    var currentClassHint: PyClass? = nil
    var mainModule: PyModule
    var gcEnabled = true
    /// The builtins' own __import__ and __build_class__, to notice when a program replaces them
    /// (import statements and class statements then go through the replacement).
    var originalImport: Value = .none
    var originalBuildClass: Value = .none

    /// The program's replacement for builtins.`name`, if it installed one.
    func replacedBuiltin(_ name: String, original: Value) -> Value? {
        guard let current = builtins.getStr(name), !current.isIdentical(original) else { return nil }
        return current
    }
    /// gc.threshold(), kept in whole 16-byte heap blocks as MicroPython reports it (-1 = off).
    var gcThreshold = -1
    var heapLocked = 0
    var optLevel = 0
    var startTime = Date()
    var stdoutBuffer: [UInt8] = []

    init(configuration: InterpreterConfiguration, interruptFlag: UnsafeMutablePointer<Int>) {
        self.configuration = configuration
        self.recursionLimit = configuration.recursionLimit
        self.interruptPending = interruptFlag
        mainModule = PyModule(name: "__main__")
        cwd = "/"
        setupBuiltins()
        modules.setStr("__main__", .object(mainModule))
        registerStandardModules()
    }

    var host: InterpreterHost { configuration.host }

    func raiseInterrupt() throws {
        interruptPending.pointee = 0
        throw PyError(exception: makeException(keyboardInterruptType, []))
    }

    func writeOut(_ s: String) throws {
        host.writeStdout(Array(s.utf8))
    }
    func writeErr(_ s: String) {
        host.writeStderr(Array(s.utf8))
    }

    // MARK: - imports

    /// `import a.b.c`: imports every level, returns the top package.
    func importModule(_ name: String, level: Int, globals: PyDict) throws -> Value {
        let fullName = try resolveRelative(name, level: level, globals: globals)
        let parts = fullName.split(separator: ".").map(String.init)
        var top: Value? = nil
        var path = ""
        var parent: PyModule? = nil
        for p in parts {
            path = path.isEmpty ? p : path + "." + p
            let m = try loadModule(path, parent: parent)
            if top == nil { top = m }
            if let par = parent { par.dict.setStr(p, m) }
            parent = m.asObject as? PyModule
        }
        return top ?? Value.none
    }

    /// The innermost module of `import a.b.c as x`.
    func importedLeaf(_ name: String, _ top: Value) throws -> Value {
        var m = top
        for p in name.split(separator: ".").dropFirst() { m = try getAttr(m, String(p)) }
        return m
    }

    func importFromTarget(_ name: String, level: Int, globals: PyDict) throws -> Value {
        let fullName = try resolveRelative(name, level: level, globals: globals)
        let top = try importModule(fullName, level: 0, globals: globals)
        return try importedLeaf(fullName, top)
    }

    func importSubmodule(_ mod: PyModule, _ name: String) throws -> Value {
        try loadModule(mod.name + "." + name, parent: mod)
    }

    private func resolveRelative(_ name: String, level: Int, globals: PyDict) throws -> String {
        if level == 0 { return name }
        var pkg = ""
        if case .str(let p)? = globals.getStr("__package__") { pkg = p.value }
        else if case .str(let n)? = globals.getStr("__name__") {
            pkg = n.value
            if globals.getStr("__path__") == nil {
                pkg = pkg.split(separator: ".").dropLast().joined(separator: ".")
            }
        }
        var parts = pkg.split(separator: ".").map(String.init)
        if level - 1 > parts.count || (pkg.isEmpty) { throw pyErr(importErrorType, "can't perform relative import") }
        parts.removeLast(level - 1)
        let base = parts.joined(separator: ".")
        if name.isEmpty { return base }
        return base.isEmpty ? name : base + "." + name
    }

    /// Firmware modules are read-only on MicroPython, except `builtins` and modules that are
    /// frozen Python source (asyncio); the host seals them once it has patched them.
    private func markBuiltin(_ m: PyModule, name: String) {
        guard name != "builtins", !m.isFrozenPython else { return }
        m.isBuiltin = true
        m.readOnly = builtinModulesSealed
    }

    /// Makes every builtin module read-only (or writable again), now and when imported later.
    func sealBuiltinModules(_ sealed: Bool) {
        builtinModulesSealed = sealed
        for (_, v) in modules.entries { if case .object(let m as PyModule) = v, m.isBuiltin { m.readOnly = sealed } }
    }

    func loadModule(_ name: String, parent: PyModule?) throws -> Value {
        if let m = modules.getStr(name) { return m }
        if let native = nativeModules[name] {
            let m = native.instantiate(runtime: self)
            markBuiltin(m, name: name)
            modules.setStr(name, .object(m))
            return .object(m)
        }
        var lookupName = name
        if builtinModuleMakers[lookupName] == nil, lookupName.hasPrefix("u"), builtinModuleMakers[String(lookupName.dropFirst())] != nil {
            lookupName = String(lookupName.dropFirst())
        }
        if let maker = builtinModuleMakers[lookupName] {
            if let existing = modules.getStr(lookupName) { modules.setStr(name, existing); return existing }
            let m = maker(self)
            markBuiltin(m, name: lookupName)
            modules.setStr(lookupName, .object(m))
            if lookupName != name { modules.setStr(name, .object(m)) }
            return .object(m)
        }
        if let src = sourceModules[name] {
            return try execModuleSource(name: name, source: src, filename: name + ".py", isPackage: false)
        }
        // file system: search sys.path
        let rel = name.replacingOccurrences(of: ".", with: "/")
        var searchPaths: [String] = []
        if let parent, case .object(let pl as PyList)? = parent.dict.getStr("__path__") {
            searchPaths = pl.items.compactMap { if case .str(let s) = $0 { return s.value }; return nil }
            let leaf = String(name.split(separator: ".").last ?? "")
            for base in searchPaths {
                if let v = try loadFromPath(base: base, rel: leaf, name: name) { return v }
            }
        } else {
            for entry in sysPath() {
                if let v = try loadFromPath(base: entry, rel: rel, name: name) { return v }
            }
        }
        throw pyErr(importErrorType, "no module named '\(name)'")
    }

    func sysPath() -> [String] {
        if case .object(let sys as PyModule)? = modules.getStr("sys"), case .object(let l as PyList)? = sys.dict.getStr("path") {
            return l.items.compactMap { if case .str(let s) = $0 { return s.value }; return nil }
        }
        return configuration.path
    }

    private func loadFromPath(base: String, rel: String, name: String) throws -> Value? {
        let dir = base.isEmpty ? cwd : absolutePath(base)
        let fs = host.fileSystem
        let filePath = joinPath(dir, rel + ".py")
        if let st = try? fs.stat(filePath), !st.isDirectory {
            let src = try readTextFile(filePath)
            return try execModuleSource(name: name, source: src, filename: displayPath(base, rel + ".py"), isPackage: false)
        }
        let pkgDir = joinPath(dir, rel)
        if let st = try? fs.stat(pkgDir), st.isDirectory {
            let initPath = joinPath(pkgDir, "__init__.py")
            let src = (try? fs.stat(initPath)) != nil ? try readTextFile(initPath) : ""
            return try execModuleSource(name: name, source: src, filename: displayPath(base, rel + "/__init__.py"), isPackage: true, packagePath: pkgDir)
        }
        return nil
    }

    private func displayPath(_ base: String, _ rel: String) -> String {
        base.isEmpty || base == "." ? rel : joinPath(base, rel)
    }

    func readTextFile(_ path: String) throws -> String {
        let fs = host.fileSystem
        do {
            let h = try fs.open(path, mode: "r")
            defer { try? h.close() }
            var all: [UInt8] = []
            while true {
                let chunk = try h.read(maxCount: 65536)
                if chunk.isEmpty { break }
                all.append(contentsOf: chunk)
            }
            return String(decoding: all, as: UTF8.self)
        } catch let e as FileSystemError {
            throw oserror(Int(e.errno))
        }
    }

    func execModuleSource(name: String, source: String, filename: String, isPackage: Bool, packagePath: String? = nil) throws -> Value {
        let mod = PyModule(name: name)
        mod.dict.setStr("__file__", .string(filename))
        if isPackage, let pp = packagePath {
            mod.dict.setStr("__path__", .list([.string(pp)]))
            mod.dict.setStr("__package__", .string(name))
        } else {
            mod.dict.setStr("__package__", .string(name.split(separator: ".").dropLast().joined(separator: ".")))
        }
        modules.setStr(name, .object(mod))
        do {
            let code = try compileSource(source, filename: filename)
            try runCode(code, globals: mod.dict)
        } catch {
            _ = try? modules.remove(.string(name))
            throw error
        }
        return .object(mod)
    }

    // MARK: - compile and run

    func compileSource(_ source: String, filename: String, interactive: Bool = false) throws -> CodeObject {
        do {
            let stmts = try Parser.parse(source)
            return try Compiler.compileModule(stmts, filename: filename, interactive: interactive)
        } catch let e as SyntaxErrorInfo {
            let cls = e.typeName == "IndentationError" ? indentationErrorType : syntaxErrorType
            let exc = makeException(cls, [.string(e.message)])
            exc.traceback.append(TraceEntry(file: filename, line: e.line, function: e.scope))
            throw PyError(exception: exc)
        }
    }

    func runCode(_ code: CodeObject, globals: PyDict, locals: PyDict? = nil) throws {
        if globals.getStr("__builtins__") == nil { }
        let frame = Frame(code: code, globals: globals, runtime: self)
        if let l = locals, l !== globals { frame.classDict = l; code.isClassBody = true }
        do {
            _ = try code.body(frame)
        } catch let e as PyError {
            e.exception.traceback.append(TraceEntry(file: code.filename, line: frame.line, function: "<module>"))
            throw e
        }
    }

    // MARK: - paths

    func absolutePath(_ p: String) -> String {
        let joined = p.hasPrefix("/") ? p : joinPath(cwd, p)
        var parts: [Substring] = []
        for c in joined.split(separator: "/") {
            if c == "." || c.isEmpty { continue }
            if c == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(c)
        }
        return "/" + parts.joined(separator: "/")
    }

    func joinPath(_ a: String, _ b: String) -> String {
        if b.hasPrefix("/") { return b }
        if a.hasSuffix("/") { return a + b }
        return a + "/" + b
    }

    // MARK: - tracebacks

    func formatException(_ exc: PyExceptionObject) -> String {
        var out = ""
        if !exc.traceback.isEmpty {
            out += "Traceback (most recent call last):\n"
            for t in exc.traceback.reversed() {
                if let fn = t.function {
                    out += "  File \"\(t.file)\", line \(t.line), in \(fn)\n"
                } else {
                    out += "  File \"\(t.file)\", line \(t.line)\n"
                }
            }
        }
        let msg = (try? str(.object(exc))) ?? ""
        out += msg.isEmpty ? "\(exc.cls.name)\n" : "\(exc.cls.name): \(msg)\n"
        return out
    }
}
