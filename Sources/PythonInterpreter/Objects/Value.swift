import BigInt

/// A Python value. Small ints, floats, bools, None and strings are stored inline so the hot
/// paths (arithmetic, comparisons, string keys) never allocate or cast; everything else is a
/// reference to a `PyObject` subclass.
public enum Value {
    case none
    case bool(Bool)
    case int(Int)
    case float(Double)
    case str(PyStr)
    case object(PyObject)

    /// Wraps a Swift string.
    public static func string(_ s: String) -> Value { .str(PyStr(s)) }
    /// Wraps an arbitrary-precision integer, keeping it inline when it fits in a machine word.
    static func bigint(_ b: BigInt) -> Value {
        if let i = Int(exactly: b) { return .int(i) }
        return .object(PyBigInt(b))
    }
    static func list(_ items: [Value]) -> Value { .object(PyList(items)) }
    static func tuple(_ items: [Value]) -> Value { .object(PyTuple(items)) }
    static func bytes(_ b: [UInt8]) -> Value { .object(PyBytes(b)) }

    var isNone: Bool { if case .none = self { return true }; return false }

    /// The object identity used by `is` and `id()`.
    func isIdentical(_ other: Value) -> Bool {
        switch (self, other) {
        case (.none, .none): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.int(a), .int(b)): return a == b
        case let (.float(a), .float(b)): return a.bitPattern == b.bitPattern
        case let (.str(a), .str(b)): return a === b || (a.value.utf8.count <= 1 && a.value == b.value)
        case let (.object(a), .object(b)): return a === b
        default: return false
        }
    }

    var asObject: PyObject? { if case .object(let o) = self { return o }; return nil }
}

/// Base class of every heap-allocated Python object other than `str`.
open class PyObject {
    public init() {}
    /// The object's Python type.
    var pyClass: PyClass { objectType }
}

/// A Python `str`; the scalar array is built lazily for indexing so plain text work stays cheap.
public final class PyStr {
    public let value: String
    private var scalarCache: [Unicode.Scalar]?
    private var hashCache: Int?
    public init(_ value: String) { self.value = value }
    var scalars: [Unicode.Scalar] {
        if let s = scalarCache { return s }
        let s = Array(value.unicodeScalars)
        scalarCache = s
        return s
    }
    private var countCache = -1
    var count: Int {
        if countCache >= 0 { return countCache }
        if let s = scalarCache { countCache = s.count; return s.count }
        let n = value.utf8.count
        var ascii = true
        for b in value.utf8 where b >= 0x80 { ascii = false; break }
        countCache = ascii ? n : value.unicodeScalars.count
        return countCache
    }
    var isASCII: Bool { count == value.utf8.count }
    var hash: Int {
        if let h = hashCache { return h }
        var h: UInt64 = 5381
        for b in value.utf8 { h = (h &* 33) ^ UInt64(b) }
        // MicroPython keeps 16 bits of the djb2 hash (and never 0); set order depends on it.
        let r = Int(truncatingIfNeeded: h & 0xffff)
        hashCache = r == 0 ? 1 : r
        return r == 0 ? 1 : r
    }
}

final class PyBigInt: PyObject {
    let value: BigInt
    init(_ value: BigInt) { self.value = value }
    override var pyClass: PyClass { intType }
}

final class PyComplex: PyObject {
    let re: Double, im: Double
    init(_ re: Double, _ im: Double) { self.re = re; self.im = im }
    override var pyClass: PyClass { complexType }
}

final class PyList: PyObject {
    var items: [Value]
    init(_ items: [Value] = []) { self.items = items }
    override var pyClass: PyClass { listType }
}

final class PyTuple: PyObject {
    let items: [Value]
    init(_ items: [Value]) { self.items = items }
    override var pyClass: PyClass { tupleType }
}

final class PyBytes: PyObject {
    let bytes: [UInt8]
    init(_ bytes: [UInt8]) { self.bytes = bytes }
    override var pyClass: PyClass { bytesType }
}

final class PyByteArray: PyObject {
    var bytes: [UInt8]
    init(_ bytes: [UInt8]) { self.bytes = bytes }
    override var pyClass: PyClass { bytearrayType }
}

/// A view on bytes-like storage; writes go through to the underlying bytearray or array.
/// `start` and `count` are in items of the base: bytes, or elements of an array.
final class PyMemoryView: PyObject {
    let base: PyObject
    let start: Int
    let count: Int
    let readonly: Bool
    init(base: PyObject, start: Int, count: Int, readonly: Bool) {
        self.base = base; self.start = start; self.count = count; self.readonly = readonly
    }
    override var pyClass: PyClass { memoryviewType }
    var bytes: [UInt8] {
        let all: [UInt8]
        if let b = base as? PyBytes { all = b.bytes }
        else if let b = base as? PyByteArray { all = b.bytes }
        else if let a = base as? PyArray { all = a.rawBytes }
        else { all = [] }
        let size = itemSize
        let end = min(all.count, (start + count) * size)
        if start * size >= end { return [] }
        return Array(all[(start * size)..<end])
    }
    var itemSize: Int { (base as? PyArray)?.itemSize ?? 1 }
    /// The item at `i` of the view: an int byte, or the array element.
    func item(_ i: Int) -> Value {
        if let a = base as? PyArray { return a.item(start + i) }
        return .int(Int(bytes[i]))
    }
}

final class PyRange: PyObject {
    let start: Int, stop: Int, step: Int
    init(_ start: Int, _ stop: Int, _ step: Int) { self.start = start; self.stop = stop; self.step = step }
    override var pyClass: PyClass { rangeType }
    /// MicroPython's length arithmetic, wrapping on overflow as its C code does (so huge ranges
    /// give the same lengths, or emptiness, as on a board instead of stopping the host).
    var count: Int {
        var len = stop &- start &+ step
        len = step > 0 ? len &- 1 : len &+ 1
        len = len.dividedReportingOverflow(by: step).partialValue
        return len < 0 ? 0 : len
    }
}

final class PySlice: PyObject {
    let start: Value, stop: Value, step: Value
    init(_ start: Value, _ stop: Value, _ step: Value) { self.start = start; self.stop = stop; self.step = step }
    override var pyClass: PyClass { sliceType }
}

final class PyCell {
    var value: Value?
    init(_ value: Value? = nil) { self.value = value }
}

final class PyModule: PyObject {
    let name: String
    let dict: PyDict
    /// A module built into the firmware (sys, math, machine...), as opposed to one made from
    /// Python source; once the host seals them, their attributes can't be set.
    var isBuiltin = false
    var readOnly = false
    /// Made only from Python source inside the interpreter: writable like a frozen module.
    var isFrozenPython = false
    init(name: String, dict: PyDict = PyDict()) {
        self.name = name; self.dict = dict
        dict.setStr("__name__", .string(name))
    }
    override var pyClass: PyClass { moduleType }
}

final class PySingleton: PyObject {
    let name: String
    let cls: () -> PyClass
    init(name: String, cls: @escaping () -> PyClass) { self.name = name; self.cls = cls }
    override var pyClass: PyClass { cls() }
}

nonisolated(unsafe) let notImplemented = PySingleton(name: "NotImplemented") { notImplementedType }
nonisolated(unsafe) let ellipsis = PySingleton(name: "Ellipsis") { ellipsisType }

final class PyProperty: PyObject {
    var fget: Value, fset: Value, fdel: Value
    init(_ g: Value, _ s: Value, _ d: Value) { fget = g; fset = s; fdel = d }
    override var pyClass: PyClass { propertyType }
}
final class PyStaticMethod: PyObject {
    let function: Value
    init(_ f: Value) { function = f }
    override var pyClass: PyClass { staticmethodType }
}
final class PyClassMethod: PyObject {
    let function: Value
    init(_ f: Value) { function = f }
    override var pyClass: PyClass { classmethodType }
}
final class PySuper: PyObject {
    let cls: PyClass
    let obj: Value
    init(_ cls: PyClass, _ obj: Value) { self.cls = cls; self.obj = obj }
    override var pyClass: PyClass { superType }
}
final class PyBoundMethod: PyObject {
    let selfValue: Value
    let function: Value
    init(_ s: Value, _ f: Value) { selfValue = s; function = f }
    override var pyClass: PyClass { boundMethodType }
}

/// An iterator implemented in Swift: `step` returns nil when exhausted.
final class PyNativeIterator: PyObject {
    let step: () throws -> Value?
    let typeName: PyClass
    init(_ cls: PyClass? = nil, _ step: @escaping () throws -> Value?) { self.step = step; self.typeName = cls ?? iteratorType }
    override var pyClass: PyClass { typeName }
}

/// A class or builtin type. Attribute lookups walk `mro`; builtin types are shared, immutable
/// after startup, and so safe to share between interpreters.
public final class PyClass: PyObject {
    public let name: String
    var bases: [PyClass]
    var mro: [PyClass] = []
    /// Made by a `class` statement or type(name, bases, dict), as opposed to builtin and
    /// native-module types; builtin functions stored on such a class are not bound.
    var isUserDefined = false
    var dict: PyDict
    let isBuiltin: Bool
    var metaclass: PyClass?
    /// Set for builtin types that user classes may extend (list, dict, Exception...), so
    /// instances know what native storage they carry.
    var nativeKind: NativeKind = .none
    var isExceptionClass = false
    /// Made by collections.namedtuple: its own type in MicroPython, not a tuple subclass.
    var isNamedTuple = false
    /// How builtin types build instances when called (int("3"), list(x)...).
    var constructor: NativeFn?
    init(name: String, bases: [PyClass], dict: PyDict = PyDict(), builtin: Bool = false) {
        self.name = name; self.bases = bases; self.dict = dict; self.isBuiltin = builtin
        super.init()
        computeMRO()
        isExceptionClass = (builtin && name == "BaseException") || bases.contains { $0.isExceptionClass }
        for b in mro where b.nativeKind != .none { nativeKind = b.nativeKind; break }
    }
    override var pyClass: PyClass { metaclass ?? typeType }
    func computeMRO() {
        // C3 linearization, falling back to depth-first order on conflict.
        var seqs: [[PyClass]] = bases.map { $0.mro } + [bases]
        var result: [PyClass] = [self]
        while true {
            seqs = seqs.filter { !$0.isEmpty }
            if seqs.isEmpty { break }
            var candidate: PyClass?
            for s in seqs {
                let head = s[0]
                if !seqs.contains(where: { $0.dropFirst().contains { $0 === head } }) { candidate = head; break }
            }
            guard let c = candidate else {
                for b in bases { for m in b.mro where !result.contains(where: { $0 === m }) { result.append(m) } }
                mro = result
                return
            }
            result.append(c)
            seqs = seqs.map { $0.first === c ? Array($0.dropFirst()) : $0 }
        }
        mro = result
    }
    func lookup(_ name: String) -> Value? {
        lookup(PyStr(name))
    }
    func lookup(_ key: PyStr) -> Value? {
        for c in mro { if let v = c.dict.getStr(key) { return v } }
        return nil
    }
    /// Lookup that ignores builtin types' own dunder implementations, for operator dispatch on
    /// instances (the instance's native base value handles those).
    func lookupUser(_ name: String) -> Value? {
        for c in mro where !c.isBuiltin { if let v = c.dict.getStr(name) { return v } }
        return nil
    }
    /// Whether instances need the slow attribute-store path (properties, __setattr__).
    private var hooksKnown = false
    private var hooks = false
    var hasSetHooks: Bool {
        if hooksKnown { return hooks }
        var h = false
        for c in mro where !c.isBuiltin {
            if c.dict.getStr("__setattr__") != nil { h = true; break }
            for v in c.dict.values {
                if case .object(is PyProperty) = v { h = true; break }
                if case .object(let d as PyInstance) = v, d.cls.lookupUser("__set__") != nil { h = true; break }
            }
            if h { break }
        }
        hooks = h
        hooksKnown = true
        return h
    }
    func invalidateHooks() { hooksKnown = false }
    func isSubclass(of other: PyClass) -> Bool { mro.contains { $0 === other } }
}

enum NativeKind { case none, list, dict, tuple, str, int, float, bytes, set, exception }

/// An instance of a user-defined class (or a native class from `NativeModule`).
public class PyInstance: PyObject {
    let cls: PyClass
    let attrs = PyDict()
    /// Native storage when the class extends a builtin type (e.g. `class A(list)`).
    var base: Value?
    /// Storage for host-implemented classes.
    public var nativeState: AnyObject?
    init(cls: PyClass) { self.cls = cls }
    override var pyClass: PyClass { cls }
}

/// Exception instances carry their arguments and the traceback collected while unwinding.
final class PyExceptionObject: PyInstance {
    var args: [Value] = []
    var traceback: [TraceEntry] = []
    var cause: Value = .none
    /// Generators store their return value here (StopIteration.value).
    var stopValue: Value { args.first ?? Value.none }
}

struct TraceEntry {
    let file: String
    let line: Int
    let function: String?
}
