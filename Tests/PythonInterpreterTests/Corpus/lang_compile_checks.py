# Programs MicroPython refuses to compile, and == / != giving the user's own result.
snippets = [
    "() = 5", "[] = []", "x, *y, *z = 1, 2, 3", "*p, q = 1, 2", "del ()", "del (a, b)", "del 3",
    "try:\n pass\nexcept:\n pass\nexcept ValueError:\n pass",
    "try:\n pass\nexcept ValueError:\n pass\nexcept:\n pass",
    "await g()", "def f():\n await g()", "async def f():\n await g()",
    "async def f():\n return [await g() for g in h]",
    "def f(a):\n global a", "def f(a):\n nonlocal a", "def f():\n nonlocal b\n global b",
    "def f():\n def g():\n  nonlocal missing", "def f():\n v = 1\n def g():\n  nonlocal v\n  v = 2",
    "b'x' 'y'", "bytes = b'data'\ndel bytes",
]
for code in snippets:
    try:
        exec(code, {})
        print("compiled:", repr(code))
    except SyntaxError:
        print("SyntaxError:", repr(code))
    except (NameError, KeyError) as e:
        print("ran into", type(e).__name__, repr(code))

class Loose:
    def __eq__(self, other):
        return "same-ish"
class Picky:
    def __ne__(self, other):
        return 0
    def __repr__(self):
        return "Picky"
print(Loose() == 1, 1 == Loose(), Loose() != 1, 2 != Loose())
print(Picky() != 3, 3 != Picky(), Picky() == 3, Loose() != Picky(), Picky() != Loose())
print([Loose() == x for x in (None, 0)], 1 == 1.0, "a" != "b")
for src, mode in (("", "single"), ("\n", "single"), ("\\\n", "single"), ("\\\n", "exec"), ("", "eval"), (" \n", "eval"), ("1", "eval")):
    try:
        compile(src, "s", mode)
        print(repr(src), mode, "compiles")
    except SyntaxError:
        print(repr(src), mode, "SyntaxError")
