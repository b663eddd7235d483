class Num:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return "Num(%d)" % self.v
    def __add__(self, o):
        if isinstance(o, Num):
            return Num(self.v + o.v)
        if isinstance(o, int):
            return Num(self.v + o)
        return NotImplemented
    def __radd__(self, o):
        return Num(o + self.v)
    def __iadd__(self, o):
        self.v += o.v if isinstance(o, Num) else o
        return self
    def __sub__(self, o):
        return Num(self.v - (o.v if isinstance(o, Num) else o))
    def __rsub__(self, o):
        return Num(o - self.v)
    def __mul__(self, o):
        return Num(self.v * (o.v if isinstance(o, Num) else o))
    def __truediv__(self, o):
        return self.v / (o.v if isinstance(o, Num) else o)
    def __floordiv__(self, o):
        return Num(self.v // o)
    def __mod__(self, o):
        return Num(self.v % o)
    def __pow__(self, o):
        return Num(self.v ** o)
    def __and__(self, o):
        return Num(self.v & o)
    def __or__(self, o):
        return Num(self.v | o)
    def __xor__(self, o):
        return Num(self.v ^ o)
    def __lshift__(self, o):
        return Num(self.v << o)
    def __rshift__(self, o):
        return Num(self.v >> o)
    def __neg__(self):
        return Num(-self.v)
    def __pos__(self):
        return Num(+self.v)
    def __invert__(self):
        return Num(~self.v)
    def __abs__(self):
        return Num(abs(self.v))
    def __int__(self):
        return self.v
    def __float__(self):
        return float(self.v)
    def __index__(self):
        return self.v
    def __eq__(self, o):
        return isinstance(o, Num) and self.v == o.v
    def __lt__(self, o):
        return self.v < o.v
    def __le__(self, o):
        return self.v <= o.v
    def __gt__(self, o):
        return self.v > o.v
    def __ge__(self, o):
        return self.v >= o.v
    def __hash__(self):
        return hash(self.v)
a, b = Num(6), Num(4)
print(a + b, a + 1, 1 + a, a - b, 10 - a, a * b, a / b, a // 4, a % 4, a ** 2)
print(a & 3, a | 1, a ^ 5, a << 2, a >> 1, -a, +a, ~a, abs(Num(-3)))
print(int(a), float(a))
print(a == Num(6), a != b, a < b, a <= b, a > b, a >= b, sorted([a, b, Num(5)]))
c = Num(1)
c += Num(2)
c += 3
print(c)
print({Num(1): "one"}[Num(1)], Num(1) in [Num(0), Num(1)], [Num(3), Num(1)].index(Num(1)))
try:
    a + "x"
except TypeError as e:
    print("TypeError", e)
class Seq:
    def __init__(self, *items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        if isinstance(i, slice):
            return Seq(*self.items[i])
        return self.items[i]
    def __setitem__(self, i, v):
        self.items[i] = v
    def __delitem__(self, i):
        del self.items[i]
    def __contains__(self, v):
        return v in self.items
    def __iter__(self):
        return iter(self.items)
    def __reversed__(self):
        return reversed(self.items)
    def __bool__(self):
        return bool(self.items)
    def __repr__(self):
        return "Seq%r" % (tuple(self.items),)
s = Seq(1, 2, 3, 4)
s[0] = 10
del s[1]
print(s, len(s), s[1:], 3 in s, list(reversed(s)), bool(Seq()), [x * 2 for x in s])
class Callable:
    def __init__(self):
        self.calls = 0
    def __call__(self, *args, **kw):
        self.calls += 1
        return (args, sorted(kw.items()))
cc = Callable()
print(cc(1, 2, k=3), cc(), cc.calls, callable(cc))
class Str:
    def __str__(self):
        return "str!"
    def __repr__(self):
        return "repr!"
print(Str(), str(Str()), repr(Str()), [Str()], "%s %r" % (Str(), Str()), "{} {!r}".format(Str(), Str()))
class OnlyRepr:
    def __repr__(self):
        return "OR"
print(OnlyRepr(), str(OnlyRepr()))
class Eq:
    def __eq__(self, o):
        return True
print(Eq() == 1, Eq() != 1, 1 == Eq())
