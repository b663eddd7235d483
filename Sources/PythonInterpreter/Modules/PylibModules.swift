/// Modules delivered by the `pylib` branch (re, json, struct, binascii, hashlib, deflate,
/// heapq, random, asyncio...). This file belongs to pylib from now on: add one line per module.
///
/// How to write one (see Modules/MathModules.swift for a complete example):
/// ```swift
/// func makeJsonModule(_ rt: Runtime) -> PyModule {
///     let m = PyModule(name: "json")
///     m.dict.setStr("dumps", .object(PyBuiltinFunction("dumps") { args, kwargs in
///         try argCount(args, 1, 1, "dumps")          // TypeError on bad arity
///         let text = try toStr(args[0])               // Value -> Swift (toInt, toDouble, bytesArg...)
///         if text.isEmpty { throw valueError("empty") } // raise ValueError/TypeError/pyErr(cls, msg)
///         return .string(text)                        // Swift -> Value (.int, .float, .list([...])...)
///     }))
///     return m
/// }
/// ```
/// Values: `Value` enum (.none/.bool/.int/.float/.str(PyStr)/.object(PyObject)); lists are
/// `PyList.items`, dicts `PyDict` (get/set/entries), bytes `PyBytes.bytes`. Call Python
/// callables with `callValue(f, args, kwargs)`, iterate with `forEach`/`iterateToArray`, repr
/// and str with `repr(_:)`/`str(_:)`. Classes: `makeType(name, objectType)` + `addMethods`,
/// with `cls.constructor = { args, kwargs in ... }`; instances subclass `PyObject` and override
/// `pyClass`. A module written in Python can be run with `rt.compileSource` + `rt.runCode`
/// into `m.dict` (see Modules/CollectionsArray.swift).
let pylibModuleMakers: [String: @Sendable (Runtime) -> PyModule] = [:]
