/// The Python half of Tab completion: candidates for the last part of a dotted word, looked up
/// in the REPL's globals and builtins like MicroPython's `mp_repl_autocomplete`.
enum ReplCompletionSource {
    static let text = #"""
import _board


def report(ns, text):
    result = []
    try:
        import builtins
        parts = text.split(".")
        partial = parts[-1]
        if len(parts) == 1:
            # Globals first; builtins only when no global matches, as MicroPython does.
            names = [n for n in ns.keys() if n.startswith(partial)]
            if not names:
                names = dir(builtins)
        else:
            head = parts[0]
            obj = ns[head] if head in ns else getattr(builtins, head)
            for part in parts[1:-1]:
                obj = getattr(obj, part)
            names = dir(obj)
        seen = {}
        for name in names:
            if name.startswith(partial) and (partial.startswith("_") or not name.startswith("_")):
                seen[name] = True
        result = sorted(seen.keys())
    except Exception:
        result = []
    _board.completions(result)
"""#
}
