print(type(print), type(len).__name__)
def f(): pass
print(type(f).__name__)
class A:
    def m(self): pass
print(type(A().m).__name__, type(A.m).__name__)
print([].__class__, {}.__class__.__name__)
print(str.upper("abc"), int.__name__)
print(list(range(10))[slice(None, None, -1)] if False else "")
print(range(0, 10, 2), len(range(5, 0, -1)), range(3)[1], 5 in range(10), list(range(3, -3, -2)))
print(1_0, 0x_ff if False else 255, 1e0, 1.e2 if False else 100.0, .5)
print(-2 ** 2, (-2) ** 2, 2 ** -2, 2 ** 3 ** 2, not 1 == 2, 1 if 0 else 2 if 0 else 3)
print(True and "yes", False or [], [] and 1, 5 // 2 * 2, 7 % -3, -7 // 3)
x = [1, 2, 3]
x[1:2] = []
print(x)
x[0:0] = [9, 8]
print(x)
print(max(1, 2, 3, key=lambda v: -v), min([(1, 'b'), (1, 'a')]))
print(int("0b101", 0), int("0x1f", 0), int("0o17", 0))
print("%5.1f|%-5d|%05d|%+d|%x" % (3.14159, 42, 42, 5, 255))
print("{:*^9}|{:>4}|{:<4}|{:08.3f}".format("mid", 1, 2, 3.14159))
print(repr(1e100), 1e-100, 2.5e-5, 123e10, float("1e400"), -float("inf"))
print(0.1 * 3, 1 / 7, 22 / 7, 100 / 3, 2 ** 0.5, 1e15 + 0.3)
import math
print(math.sqrt(2), math.pi, math.floor(-1.5), math.ceil(1.2), math.trunc(-1.7), math.log(100, 10), math.exp(1))
print(round(math.sin(math.pi / 2), 5), math.isnan(float("nan")), math.fabs(-2), math.copysign(3, -1))
print(divmod(10, 3), divmod(-10, 3), divmod(10.5, 3))
print(bytes(range(5)), bytearray(b"ab") + b"cd", b"x" * 3)
print(tuple(i for i in range(3)), list(map(int, "123")), "".join(reversed("abc")))
print(sorted([3, 1, 2]) == [1, 2, 3], [1, 2] * 0, [] * 5)
d = {}
d.setdefault("k", []).append(1)
print(d)
print(set([1, 2]) | {3}, {1, 2} - {1})
print(chr(0x1F600), len("\U0001F600"))
print(hex(-1), oct(-8), bin(255)[2:])
print(isinstance(1, bool), isinstance(True, bool), bool.__name__)
print(str(1.0 * 10 ** 16), 10 ** 16 * 1.0, float(10 ** 20))
