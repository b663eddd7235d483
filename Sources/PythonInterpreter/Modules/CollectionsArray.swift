import BigInt
import Foundation

private let dequeSource = """
class deque:
    # MicroPython's deque: maxlen is required; flag 1 makes a full deque refuse new items
    def __init__(self, iterable, maxlen=None, flags=0):
        if maxlen is None:
            raise TypeError('function missing 1 required positional arguments')
        self._items = []
        self._maxlen = maxlen
        self._flags = flags
        for x in iterable:
            self.append(x)
    def _full(self):
        if len(self._items) >= self._maxlen:
            if self._flags & 1:
                raise IndexError('full')
            return True
        return False
    def append(self, x):
        if self._full():
            self._items.pop(0)
        self._items.append(x)
    def appendleft(self, x):
        if self._full():
            self._items.pop()
        self._items.insert(0, x)
    def pop(self):
        if not self._items:
            raise IndexError('empty')
        return self._items.pop()
    def popleft(self):
        if not self._items:
            raise IndexError('empty')
        return self._items.pop(0)
    def extend(self, it):
        for x in it:
            self.append(x)
    def extendleft(self, it):
        for x in it:
            self.appendleft(x)
    def clear(self):
        self._items.clear()
    def rotate(self, n=1):
        if self._items:
            n %= len(self._items)
            self._items[:] = self._items[-n:] + self._items[:-n]
    def __len__(self):
        return len(self._items)
    def __bool__(self):
        return len(self._items) > 0
    def __iter__(self):
        return iter(self._items)
    def __getitem__(self, i):
        return self._items[i]
    def __setitem__(self, i, v):
        self._items[i] = v
    def __contains__(self, x):
        return x in self._items
    def __repr__(self):
        return '<deque>'

class OrderedDict(dict):
    pass

class defaultdict(dict):
    def __init__(self, default_factory=None, *args, **kwargs):
        dict.__init__(self, *args, **kwargs)
        self.default_factory = default_factory
    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        v = self.default_factory()
        self[key] = v
        return v
"""

extension Runtime {
    func makeCollectionsModule() -> PyModule {
        let m = PyModule(name: "collections")
        m.dict.setStr("namedtuple", .object(PyBuiltinFunction("namedtuple") { a, kw in
            guard a.count >= 2 else { throw typeError("namedtuple needs a name and fields") }
            let name = try toStr(a[0])
            var fields: [String]
            if case .str(let s) = a[1] { fields = s.value.replacingOccurrences(of: ",", with: " ").split(separator: " ").map(String.init) } else { fields = try iterateToArray(a[1]).map(toStr) }
            return .object(makeNamedTuple(name, fields))
        }))
        if let code = try? compileSource(dequeSource, filename: "collections") {
            do { try runCode(code, globals: m.dict) } catch { writeErr("collections init failed\n") }
        }
        return m
    }
}

func makeNamedTuple(_ name: String, _ fields: [String]) -> PyClass {
    let cls = PyClass(name: name, bases: [tupleType])
    cls.isNamedTuple = true
    cls.constructor = { args, kw in
        var vals: [Value?] = Array(repeating: nil, count: fields.count)
        if args.count > fields.count { throw typeError("function takes \(fields.count) positional arguments but \(args.count) were given") }
        for (i, v) in args.enumerated() { vals[i] = v }
        for (k, v) in kw {
            guard let i = fields.firstIndex(of: k) else { throw typeError("unexpected keyword argument '\(k)'") }
            vals[i] = v
        }
        if vals.contains(where: { $0 == nil }) { throw typeError("function missing required positional arguments") }
        return .tuple(vals.map { $0! })
    }
    for (i, f) in fields.enumerated() {
        let getter = PyBuiltinFunction(f) { a, _ in
            guard case .object(let inst as PyInstance) = a[0], case .object(let t as PyTuple)? = inst.base else { throw typeError("bad self") }
            return t.items[i]
        }
        cls.dict.setStr(f, .object(PyProperty(.object(getter), .none, .none)))
    }
    cls.dict.setStr("__repr__", .object(PyBuiltinFunction("__repr__") { a, _ in
        guard case .object(let inst as PyInstance) = a[0], case .object(let t as PyTuple)? = inst.base else { return .string(name + "()") }
        let parts = try zip(fields, t.items).map { "\($0.0)=\(try repr($0.1))" }
        return .string("\(inst.cls.name)(" + parts.joined(separator: ", ") + ")")
    }))
    return cls
}

/// array.array: typed numeric storage kept as values, packed on demand for buffers.
final class PyArray: PyObject {
    let typecode: Character
    var values: [Value]
    init(_ typecode: Character, _ values: [Value]) { self.typecode = typecode; self.values = values }
    override var pyClass: PyClass { arrayType }
    var count: Int { values.count }
    func item(_ i: Int) -> Value { values[i] }
    var itemSize: Int {
        switch typecode {
        case "b", "B": return 1
        case "h", "H": return 2
        case "i", "I", "f": return 4
        case "l", "L", "q", "Q", "d", "O", "P": return 8   // long is 64-bit on the unix port
        default: return 1
        }
    }
    func normalize(_ v: Value) throws -> Value {
        switch typecode {
        case "f", "d": return .float(try toDouble(v))
        case "O": return v
        case "Q", "L":
            // unsigned 64-bit values above Int.max are kept as big ints
            if case .object(let b as PyBigInt) = v { return .bigint(b.value & BigInt((UInt64.max))) }
            let i = try toInt(v)
            return i >= 0 ? .int(i) : .bigint(BigInt(UInt64(bitPattern: Int64(i))))
        default:
            // MicroPython stores the low bits of an out-of-range int without complaint
            let i: Int
            if case .object(let b as PyBigInt) = v { i = Int(truncatingIfNeeded: b.value) } else { i = try toInt(v) }
            let bits = itemSize * 8
            if bits >= 64 { return .int(i) }
            let mask = (1 << bits) - 1
            var u = i & mask
            if "bhilq".contains(typecode) && u >= 1 << (bits - 1) { u -= 1 << bits }
            return .int(u)
        }
    }
    func setItem(_ i: Int, _ v: Value) throws { values[i] = try normalize(v) }
    var rawBytes: [UInt8] {
        var out: [UInt8] = []
        for v in values {
            switch typecode {
            case "f": let b = Float((try? toDouble(v)) ?? 0).bitPattern; for k in 0..<4 { out.append(UInt8(truncatingIfNeeded: b >> (8 * k))) }
            case "d": let b = ((try? toDouble(v)) ?? 0).bitPattern; for k in 0..<8 { out.append(UInt8(truncatingIfNeeded: b >> (8 * UInt64(k)))) }
            case "O": for _ in 0..<8 { out.append(0) }
            default:
                var x = (try? toInt(v)) ?? 0
                if case .object(let b as PyBigInt) = v { x = Int(truncatingIfNeeded: b.value) }
                for k in 0..<itemSize { out.append(UInt8(truncatingIfNeeded: x >> (8 * k))) }
            }
        }
        return out
    }
    static func fromBytes(_ typecode: Character, _ b: [UInt8]) -> PyArray {
        let a = PyArray(typecode, [])
        let n = a.itemSize
        var i = 0
        while i + n <= b.count {
            var x: UInt64 = 0
            for k in 0..<n { x |= UInt64(b[i + k]) << (8 * UInt64(k)) }
            switch typecode {
            case "f": a.values.append(.float(Double(Float(bitPattern: UInt32(x)))))
            case "d": a.values.append(.float(Double(bitPattern: x)))
            case "Q", "L": a.values.append(.bigint(BigInt(x)))
            default: a.values.append((try? a.normalize(.int(Int(truncatingIfNeeded: x)))) ?? .int(0))
            }
            i += n
        }
        return a
    }
    /// MicroPython compares integer arrays of one item size as raw bytes; other pairs of arrays
    /// (float, or differing sizes) raise NotImplementedError.
    func equals(_ other: PyArray) throws -> Bool {
        if typecode == "O" && other.typecode == "O" {
            if count != other.count { return false }
            for (x, y) in zip(values, other.values) where !(try pyEquals(x, y)) { return false }
            return true
        }
        if "fdO".contains(typecode) || "fdO".contains(other.typecode) || itemSize != other.itemSize {
            throw pyErr(notImplementedErrorType, "")
        }
        return rawBytes == other.rawBytes
    }
    func slice(_ idx: [Int]) -> PyArray { PyArray(typecode, idx.map { values[$0] }) }
    func concatenated(_ other: PyArray) -> PyArray { PyArray(typecode, values + other.values) }
    func reprText() -> String {
        if values.isEmpty { return "array('\(typecode)')" }
        return "array('\(typecode)', [" + values.map { (try? repr($0)) ?? "" }.joined(separator: ", ") + "])"
    }
}

nonisolated(unsafe) let arrayType = makeType("array", objectType)

func makeArrayModule() -> PyModule {
    let m = PyModule(name: "array")
    arrayType.constructor = { a, _ in
        guard let tcV = a.first, case .str(let tcs) = tcV, let tc = tcs.value.first, "bBhHiIlLqQfdOP".contains(tc) else {
            throw valueError("bad typecode")
        }
        if a.count > 1 {
            if let b = bytesLike(a[1]), !(a[1].asObject is PyArray) { return .object(PyArray.fromBytes(tc, b)) }
            let arr = PyArray(tc, [])
            arr.values = try iterateToArray(a[1]).map { try arr.normalize($0) }
            return .object(arr)
        }
        return .object(PyArray(tc, []))
    }
    func selfArray(_ a: [Value]) throws -> PyArray {
        guard case .object(let arr as PyArray)? = a.first else { throw typeError("bad self") }
        return arr
    }
    addMethods(arrayType, [
        ("append", { a, _ in try needArgs(a, 2); let arr = try selfArray(a); arr.values.append(try arr.normalize(a[1])); return .none }),
        ("extend", { a, _ in try needArgs(a, 2); let arr = try selfArray(a); arr.values += try iterateToArray(a[1]).map { try arr.normalize($0) }; return .none }),
        ("pop", { a, _ in
            let arr = try selfArray(a)
            if arr.values.isEmpty { throw indexError("pop from empty array") }
            return arr.values.removeLast()
        }),
        ("tobytes", { a, _ in .bytes(try selfArray(a).rawBytes) }),
        ("decode", { a, _ in .string(String(decoding: try selfArray(a).rawBytes, as: UTF8.self)) }),
        ("__len__", { a, _ in .int(try selfArray(a).count) }),
        ("__iter__", { a, _ in try needArgs(a, 1); return try getIter(a[0]) }),
    ])
    m.dict.setStr("array", .object(arrayType))
    return m
}
