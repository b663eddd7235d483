# Float and complex corner cases where MicroPython's answers are easy to get wrong.
import math

# floor division and modulo agree with divmod, even when x/y rounds to a whole number
for x, y in ((-1.25, 0.4166666666666667), (2.5, -0.08333333333333333), (7.0, 2.0), (-7.5, 2.5)):
    q, r = divmod(x, y)
    print("%.8f %.8f" % (x // y, x % y), q == x // y, r == x % y)

# powers with infinities and nan
inf, nan = float("inf"), float("nan")
print(pow(0.0, -inf), 0.0 ** inf, (-2.0) ** nan, (-0.5) ** inf)
try:
    0.0 ** -2
except ZeroDivisionError:
    print("ZeroDivisionError")

# complex: printing nan, hashing, equality, parsing, zero to a power
z = nan * 1j
print(z, z == z, hash(3 + 0j) == hash(3), hash(2.5 + 0j) == hash(2.5))
for text in ("2-3j", " -j ", "4", "1e2+1e-1j", "5+", "1 +2j", "2j+1", "1+2+3j"):
    try:
        print(repr(text), complex(text))
    except ValueError as e:
        print(repr(text), "ValueError", e)
for e in (0, 2, -1, 1j):
    try:
        print(0j ** e)
    except ZeroDivisionError:
        print("ZeroDivisionError", e)

# math helpers keep signs
print(math.frexp(-100.0), math.frexp(0.375), math.modf(-2.5), math.modf(-3.0))
print(math.fmod(inf, nan), math.fmod(7.5, 2.0))
for kw in ({"abs_tol": -1}, {"rel_tol": -0.5}):
    try:
        math.isclose(1, 1, **kw)
    except ValueError as e:
        print("ValueError", e)

# conversions through __float__ and __int__ must give the right type
class Half:
    def __float__(self):
        return 0.5
class NotFloat:
    def __float__(self):
        return 1
class NotInt:
    def __int__(self):
        return "3"
print(float(Half()))
for f, o in ((float, NotFloat()), (int, NotInt())):
    try:
        f(o)
    except TypeError:
        print("TypeError", f.__name__)

# %d of a huge float, underscores in float literals
print("%d" % 2.0 ** 80, "%d" % -1e20)
print(1_0.2_5, 1e1_0, float("2_5.5"))
import math
print(math.pow(0, float("-inf")), math.pow(0.0, float("inf")))
class C:
    def __complex__(self):
        return 2j
print(complex(C()))
