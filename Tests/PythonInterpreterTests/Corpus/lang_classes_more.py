class A:
    x = 1
    def __init__(self):
        self.y = 2
a = A()
print(A.x, a.x, a.y, hasattr(A, "y"), "x" in A.__dict__, sorted(a.__dict__))
a.x = 5
print(a.x, A.x)
del a.x
print(a.x)
A.z = 9
print(a.z)
def method(self):
    return self.y * 10
A.m = method
print(a.m())
print(A.__name__, a.__class__ is A, type(a) is A, isinstance(a, object))
class B:
    def __eq__(self, o):
        return NotImplemented
print(B() == B(), B() != B())
class C:
    __slots__ = ("a",)
    def __init__(self):
        self.a = 1
print(C().a)
class D:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
    def __repr__(self):
        return "D%d" % self.v
print(sorted([D(3), D(1), D(2)]), min(D(5), D(4)))
class E:
    @property
    def p(self):
        return "prop"
e = E()
print(e.p, E.p.__class__.__name__ if hasattr(E.p, "__class__") else "")
try:
    e.p = 1
except AttributeError as ex:
    print("AttributeError", ex)
class F:
    def __init__(self):
        print("F init")
class G(F):
    pass
G()
class H(F):
    def __init__(self):
        print("H init")
        super().__init__()
H()
class I:
    def __new__(cls, *args):
        print("new", cls.__name__, args)
        return super().__new__(cls)
    def __init__(self, v):
        print("init", v)
I(7)
class J:
    count = 0
    def __init__(self):
        J.count += 1
        type(self).count += 0
[J() for _ in range(3)]
print(J.count)
class K:
    def __init__(self):
        self.items = []
    def add(self, x):
        self.items.append(x)
        return self
k = K().add(1).add(2)
print(k.items)
print(type("X", (), {})().__class__.__name__)
class L(Exception):
    def __init__(self, a, b):
        self.a, self.b = a, b
        super().__init__(a + b)
try:
    raise L(1, 2)
except L as err:
    print(err, err.a, err.args)
