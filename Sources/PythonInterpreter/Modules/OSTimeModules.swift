import Foundation

extension Runtime {
    private func fsCall<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as FileSystemError { throw oserror(Int(e.errno)) }
    }

    func makeOSModule() -> PyModule {
        let fs = host.fileSystem
        let m = module("os", [
            ("getcwd", { [unowned self] _, _ in .string(self.cwd) }),
            ("chdir", { [unowned self] a, _ in
                try needArgs(a, 1)
                let p = self.absolutePath(try toStr(a[0]))
                let st = try self.fsCall { try fs.stat(p) }
                if !st.isDirectory { throw oserror(20) }
                self.cwd = p
                return .none
            }),
            ("listdir", { [unowned self] a, _ in
                let p = self.absolutePath(a.isEmpty ? self.cwd : try toStr(a[0]))
                return .list(try self.fsCall { try fs.listDirectory(p) }.map { .string($0) })
            }),
            ("ilistdir", { [unowned self] a, _ in
                let p = self.absolutePath(a.isEmpty ? self.cwd : try toStr(a[0]))
                let names = try self.fsCall { try fs.listDirectory(p) }
                var entries: [Value] = []
                for n in names {
                    let st = try? fs.stat(self.joinPath(p, n))
                    let isDir = st?.isDirectory ?? false
                    entries.append(.tuple([.string(n), .int(isDir ? 0x4000 : 0x8000), .int(0), .int(st?.size ?? 0)]))
                }
                var i = 0
                return .object(PyNativeIterator { () -> Value? in
                    guard i < entries.count else { return nil }
                    defer { i += 1 }
                    return entries[i]
                })
            }),
            ("stat", { [unowned self] a, _ in
                try needArgs(a, 1)
                let p = self.absolutePath(try toStr(a[0]))
                let st = try self.fsCall { try fs.stat(p) }
                let mode = st.isDirectory ? 0x4000 : 0x8000
                return .tuple([.int(mode), .int(0), .int(0), .int(0), .int(0), .int(0), .int(st.size), .int(st.modificationTime), .int(st.modificationTime), .int(st.modificationTime)])
            }),
            ("mkdir", { [unowned self] a, _ in try needArgs(a, 1); let p = self.absolutePath(try toStr(a[0])); try self.fsCall { try fs.mkdir(p) }; return .none }),
            ("rmdir", { [unowned self] a, _ in try needArgs(a, 1); let p = self.absolutePath(try toStr(a[0])); try self.fsCall { try fs.rmdir(p) }; return .none }),
            ("remove", { [unowned self] a, _ in try needArgs(a, 1); let p = self.absolutePath(try toStr(a[0])); try self.fsCall { try fs.remove(p) }; return .none }),
            ("unlink", { [unowned self] a, _ in try needArgs(a, 1); let p = self.absolutePath(try toStr(a[0])); try self.fsCall { try fs.remove(p) }; return .none }),
            ("rename", { [unowned self] a, _ in
                try needArgs(a, 2)
                let x = self.absolutePath(try toStr(a[0])), y = self.absolutePath(try toStr(a[1]))
                try self.fsCall { try fs.rename(x, y) }
                return .none
            }),
            ("statvfs", { [unowned self] a, _ in
                let p = self.absolutePath(try toStr(a.first ?? .string("/")))
                let u = try self.fsCall { try fs.statvfs(p) }
                return .tuple([.int(u.blockSize), .int(u.blockSize), .int(u.totalBlocks), .int(u.freeBlocks), .int(u.freeBlocks), .int(0), .int(0), .int(0), .int(0), .int(255)])
            }),
            ("urandom", { a, _ in
                let n = try toInt(a.first ?? .int(0))
                return .bytes((0..<max(0, n)).map { _ in UInt8.random(in: 0...255) })
            }),
            ("sync", { _, _ in .none }),
            ("getenv", { a, _ in a.count > 1 ? a[1] : .none }),
            ("dupterm", { _, _ in .none }),
        ])
        let c = configuration
        let unameCls = PyClass(name: "uname_result", bases: [tupleType])
        _ = unameCls
        m.dict.setStr("uname", .object(PyBuiltinFunction("uname") { _, _ in
            let fields: [(String, String)] = [("sysname", c.platform), ("nodename", c.platform), ("release", "\(c.version.major).\(c.version.minor).\(c.version.patch)"), ("version", c.versionText), ("machine", c.machine)]
            let cls = PyClass(name: "uname_result", bases: [objectType])
            let inst = PyInstance(cls: cls)
            for (k, v) in fields { inst.attrs[k] = .string(v) }
            inst.base = .tuple(fields.map { .string($0.1) })
            cls.dict.setStr("__repr__", .object(PyBuiltinFunction("__repr__") { _, _ in
                .string("(" + fields.map { "\($0.0)='\($0.1)'" }.joined(separator: ", ") + ")")
            }))
            return .object(inst)
        }))
        m.dict.setStr("sep", .string("/"))
        m.dict.setStr("name", .string("posix"))
        return m
    }

    /// Sleeps in small slices so interrupt() is honoured promptly.
    func interruptibleSleep(_ seconds: Double) throws {
        if seconds <= 0 { return }
        let end = Date().addingTimeInterval(seconds)
        while true {
            if interruptPending.pointee != 0 { try raiseInterrupt() }
            let remaining = end.timeIntervalSinceNow
            if remaining <= 0 { break }
            Thread.sleep(forTimeInterval: min(remaining, 0.01))
        }
    }

    func makeTimeModule() -> PyModule {
        let start = startTime
        func ticks(_ scale: Double) -> Int { Int(Date().timeIntervalSince(start) * scale) & 0x3FFF_FFFF }
        let m = module("time", [
            ("sleep", { [unowned self] a, _ in try self.interruptibleSleep(try toDouble(a.first ?? .int(0))); return .none }),
            ("sleep_ms", { [unowned self] a, _ in try self.interruptibleSleep(try toDouble(a.first ?? .int(0)) / 1000); return .none }),
            ("sleep_us", { [unowned self] a, _ in try self.interruptibleSleep(try toDouble(a.first ?? .int(0)) / 1_000_000); return .none }),
            ("ticks_ms", { _, _ in .int(ticks(1000)) }),
            ("ticks_us", { _, _ in .int(ticks(1_000_000)) }),
            ("ticks_cpu", { _, _ in .int(ticks(1_000_000)) }),
            ("ticks_add", { a, _ in try needArgs(a, 2); return .int((try toInt(a[0]) + toInt(a[1])) & 0x3FFF_FFFF) }),
            ("ticks_diff", { a, _ in
                try needArgs(a, 2)
                let d = (try toInt(a[0]) - toInt(a[1])) & 0x3FFF_FFFF
                return .int(d >= 0x2000_0000 ? d - 0x4000_0000 : d)
            }),
            ("time", { _, _ in .int(Int(Date().timeIntervalSince1970)) }),
            ("time_ns", { _, _ in .int(Int(Date().timeIntervalSince1970 * 1e9)) }),
            ("localtime", { a, _ in try timeTuple(a.first.flatMap { $0.isNone ? nil : $0 }, local: true) }),
            ("gmtime", { a, _ in try timeTuple(a.first.flatMap { $0.isNone ? nil : $0 }, local: false) }),
            ("mktime", { a, _ in
                try needArgs(a, 1)
                let t = try iterateToArray(a[0]).map(toInt)
                guard t.count >= 6 else { throw typeError("mktime needs a tuple of 8 items") }
                var comps = DateComponents()
                comps.year = t[0]; comps.month = t[1]; comps.day = t[2]; comps.hour = t[3]; comps.minute = t[4]; comps.second = t[5]
                var cal = Calendar(identifier: .gregorian)
                cal.timeZone = TimeZone(identifier: "UTC")!
                return .int(Int(cal.date(from: comps)?.timeIntervalSince1970 ?? 0))
            }),
        ])
        return m
    }
}

private func timeTuple(_ secs: Value?, local: Bool) throws -> Value {
    let t = try secs.map { try toDouble($0) } ?? Date().timeIntervalSince1970
    var cal = Calendar(identifier: .gregorian)
    cal.timeZone = TimeZone(identifier: "UTC")!
    let d = Date(timeIntervalSince1970: t)
    let c = cal.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: d)
    let yday = cal.ordinality(of: .day, in: .year, for: d) ?? 1
    let wd = ((c.weekday ?? 1) + 5) % 7
    return .tuple([.int(c.year ?? 1970), .int(c.month ?? 1), .int(c.day ?? 1), .int(c.hour ?? 0), .int(c.minute ?? 0), .int(c.second ?? 0), .int(wd), .int(yday)])
}
