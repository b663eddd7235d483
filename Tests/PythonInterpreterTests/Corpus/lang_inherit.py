class A:
    def __init__(self):
        self.log = ["A"]
    def who(self):
        return "A"
class B(A):
    def __init__(self):
        super().__init__()
        self.log.append("B")
    def who(self):
        return "B" + super().who()
class C(A):
    def __init__(self):
        super().__init__()
        self.log.append("C")
    def who(self):
        return "C" + super().who()
class D(B):
    def __init__(self):
        super().__init__()
        self.log.append("D")
    def who(self):
        return "D" + super().who()
d = D()
print(d.log, d.who())
class Base:
    registry = []
    @classmethod
    def register(cls, name):
        cls.registry.append((cls.__name__, name))
        return cls
class Child(Base):
    pass
Child.register("x"); Base.register("y")
print(Base.registry)
class WithInit:
    def __init__(self, a, b=2, *rest, **opts):
        self.a, self.b, self.rest, self.opts = a, b, rest, opts
w = WithInit(1, 3, 4, 5, k="v")
print(w.a, w.b, w.rest, w.opts)
class MyList(list):
    def total(self):
        return sum(self)
ml = MyList([1, 2, 3])
ml.append(4)
print(ml, len(ml), ml.total(), ml[0], isinstance(ml, list), type(ml).__name__)
class MyDict(dict):
    def keys_sorted(self):
        return sorted(self.keys())
md = MyDict(a=1)
md["b"] = 2
print(md["a"], md.keys_sorted(), len(md), "a" in md)
class MyStr(str):
    def shout(self):
        return self.upper() + "!"
ms = MyStr("hey")
print(ms, ms.shout(), len(ms), ms + "x", isinstance(ms, str))
class MyInt(int):
    def double(self):
        return self * 2
mi = MyInt(21)
print(mi, mi.double(), mi + 1, isinstance(mi, int))
class MyExc(ValueError):
    def __str__(self):
        return "custom message"
try:
    raise MyExc("ignored")
except ValueError as e:
    print(type(e).__name__, e, e.args)
DynClass = type("DynClass", (A,), {"extra": 5, "hello": lambda self: "hi"})
dc = DynClass()
print(DynClass.__name__, dc.extra, dc.hello(), dc.who(), isinstance(dc, A))
class Meta(type):
    pass
print(type(A) is type, type(type) is type, isinstance(A, type), isinstance(A(), type))
class Outer:
    class Inner:
        value = 7
    def make(self):
        return self.Inner()
print(Outer.Inner.value, Outer().make().value)
class StaticStuff:
    count = 0
    @staticmethod
    def helper(x):
        return x + 1
    @classmethod
    def inc(cls):
        cls.count += 1
        return cls.count
print(StaticStuff.helper(1), StaticStuff().helper(2), StaticStuff.inc(), StaticStuff().inc())
class P:
    def __init__(self):
        self._x = 0
    def getx(self):
        return self._x
    def setx(self, v):
        self._x = v * 10
    x = property(getx, setx)
p = P(); p.x = 3
print(p.x)
print(hasattr(A, "who"), getattr(A, "who")(A()), A.who(B()))
