x = 1
def f():
    x = 2
    def g():
        global x
        x = 3
    g()
    return x
print(f(), x)
def counter_gen():
    count = 0
    def bump():
        nonlocal count
        count += 1
        return count
    return bump, lambda: count
b, peek = counter_gen()
b(); b()
print(peek())
class C:
    v = 10
    vals = [v * i for i in range(3)] if False else [1]
    def m(self):
        return v_outer
v_outer = "module"
print(C().m(), C.v)
if (n := 10) > 5:
    print("walrus", n)
data = [1, 2, 3, 4]
while (item := data.pop()) > 2:
    print("popped", item)
print([y for x in range(3) if (y := x * 2) > 0])
print(1 if True else 2, "yes" if [] else "no", None or "default", 0 and 1, 2 and 3, [] or {} or "last")
print(not None, not [], not [0], 1 < 2 == 2, 1 < 2 > 3, 1 == 1.0 != 2)
a = b = c = 5
print(a, b, c)
a, (b, c) = 1, (2, 3)
print(a, b, c)
[d, e] = "xy"
print(d, e)
i = 0
while i < 10:
    i += 1
    if i % 2:
        continue
    if i > 6:
        break
else:
    print("no break")
print("i", i)
for j in range(3):
    pass
else:
    print("for else", j)
for k in []:
    pass
else:
    print("empty for else")
del a
try:
    a
except NameError:
    print("deleted")
lst = [1, 2, 3]
del lst[0], lst[-1]
print(lst)
def annotated(a: int, b: str = "x") -> str:
    v: int = 5
    return b * a
print(annotated(2))
pass_count = 0
if True:
    pass
elif False:
    pass
else:
    pass
print(type(None).__name__, type(...).__name__ if False else "", ... is Ellipsis)
print(globals()["x"], "f" in globals())
def loc():
    q = 1
    return "q" in locals() or True
print(loc())
s = 0
for i in range(100):
    if i % 3 == 0 and i % 5 == 0:
        s += i
print(s)
print(eval("1 + 2 * 3"), eval("x + 1"), eval("[i for i in range(3)]"))
exec("zz = 5\nprint('exec', zz)")
print(zz)
ns = {}
exec("a = 1\nb = a + 1", ns)
print(ns["b"])
print(eval("a * 10", ns))
code = compile("print('compiled')", "<s>", "exec")
exec(code)
print(callable(len), callable(1), callable(lambda: 0), callable(C))
print(id(x) == id(x), hash(1) == hash(1.0), hash("a") == hash("a"))
print(repr(None), repr(True), repr(...), repr(NotImplemented))
print(abs(-3), divmod(9, 4), pow(2, 5), round(3.14159, 2), sum(range(101)), len("abc"))
print(sorted([("b", 2), ("a", 2), ("c", 1)], key=lambda t: t[1]), min("bca"), max([], default=0))
print(list(zip([1, 2, 3], "ab")), chr(97), ord("a"), bool(""), bool("0"))
print(isinstance(True, int), type(True) is bool, True == 1, 1 is not None)
