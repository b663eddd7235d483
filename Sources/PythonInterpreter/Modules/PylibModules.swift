/// Modules delivered by the `pylib` branch, by import name. Each is a `NativeModule` built by
/// a `make...Module()` function in this folder over the pure engines in Engines/; `heapq` and
/// `asyncio` are Python source (Modules/HeapqSource.swift, AsyncioSource.swift) because they
/// need the interpreter's comparisons, generators and `await`.
///
/// To add one: write `func makeXModule() -> NativeModule` (functions, constants, `NativeClass`es,
/// or `pythonSource`), then add a line below.
let pylibModuleMakers: [String: @Sendable (Runtime) -> PyModule] = [
    "re": { makeReModule().instantiate(runtime: $0) },
    "json": { makeJsonModule().instantiate(runtime: $0) },
    "struct": { makeStructModule().instantiate(runtime: $0) },
    "binascii": { makeBinasciiModule().instantiate(runtime: $0) },
    "hashlib": { makeHashlibModule().instantiate(runtime: $0) },
    "deflate": { makeDeflateModule().instantiate(runtime: $0) },
    "random": { makeRandomModule().instantiate(runtime: $0) },
    "heapq": { pythonModule("heapq", heapqPythonSource).instantiate(runtime: $0) },
    "asyncio": { pythonModule("asyncio", asyncioPythonSource).instantiate(runtime: $0) },
]

private func pythonModule(_ name: String, _ source: String) -> NativeModule {
    let module = NativeModule(name: name)
    module.pythonSource = source
    return module
}
