class E(Exception):
    pass
try:
    raise E("a", 1)
except E as e:
    print(e, repr(e), e.args)
print(repr(Exception()), repr(Exception("x")), str(Exception(1, 2)))
try:
    raise IndexError
except LookupError as e:
    print(type(e), repr(e))
def g():
    yield 1
gi = g()
print(type(gi).__name__, iter(gi) is gi)
print(list(zip(*[(1, 2), (3, 4)])))
a = [1, 2, 3]
b = a
b += [4]
print(a is b, a)
t = (1, 2)
t2 = t
t2 += (3,)
print(t, t2)
print([1, 2, 3][-10:10], "abc"[5:], "abc"[-10:2])
x = 5
def f():
    return x
x = 6
print(f())
class C:
    def __init__(self):
        self.v = 1
c = C()
print(c.__dict__, vars(c) if False else "")
print(getattr(c, "v"), c.__class__.__name__)
import sys
try:
    sys.exit(5)
except SystemExit as e:
    print("exit", e.args)
print(str(3).isdigit(), "-3".isdigit())
print(sorted([(2, "b"), (1, "z"), (2, "a")]))
print(list(map(lambda x, y: x * y, [1, 2], [3, 4, 5])))
v = 10
v //= 3
print(v, 2 ** 31, -2 ** 31, 1 << 31, 1 << 63, (1 << 63) - 1)
print(0.5 == 1 / 2, 3 * 0.1 == 0.3, round(3 * 0.1, 1) == 0.3)
print(hash(1.0) == hash(1), {1.0: "a"}[1])
print(bool(0.0), bool(-0.0), bool(1e-300))
n = None
print(n is None, n == None, type(n))
def kw(a, b=2, *, c):
    return a, b, c
print(kw(1, c=3), kw(a=1, c=3, b=5))
try:
    kw(1, 2, 3)
except TypeError as e:
    print("TypeError", e)
print("a" "b" 'c')
print(("x",) * 2, [None] * 2)
print([i for i in range(3)][::-1] if False else "")
i = 10
print([i for i in range(3)], i)
print(*[1, 2, 3], sep=",")
print(*"abc")
def star(*args, **kwargs):
    print(args, kwargs)
star(*[1, 2], *[3], **{"x": 1}, y=2)
