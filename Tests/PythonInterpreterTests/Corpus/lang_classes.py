class Animal:
    kind = "animal"
    count = 0
    def __init__(self, name):
        self.name = name
        Animal.count += 1
    def speak(self):
        return "..."
    def describe(self):
        return "%s the %s says %s" % (self.name, self.kind, self.speak())
    @staticmethod
    def static_info():
        return "static"
    @classmethod
    def create(cls, name):
        return cls(name)
class Dog(Animal):
    kind = "dog"
    def speak(self):
        return "woof"
class Puppy(Dog):
    def speak(self):
        return super().speak() + "!"
    def describe(self):
        return "puppy: " + super().describe()
a = Animal("generic"); d = Dog("rex"); p = Puppy.create("bit")
print(a.describe()); print(d.describe()); print(p.describe())
print(Animal.count, Animal.static_info(), p.static_info(), type(p).__name__, Puppy.__name__)
print(isinstance(p, Dog), isinstance(p, Animal), isinstance(d, Puppy), issubclass(Puppy, Animal), issubclass(Animal, Dog))
print(isinstance(3, (str, int)), isinstance("x", object), type(3) is int, type(p) == Puppy)
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)
    def __str__(self):
        return "(%s, %s)" % (self.x, self.y)
    def __eq__(self, other):
        return isinstance(other, Point) and self.x == other.x and self.y == other.y
    def __hash__(self):
        return hash((self.x, self.y))
    def __add__(self, o):
        return Point(self.x + o.x, self.y + o.y)
    def __sub__(self, o):
        return Point(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        return Point(self.x * k, self.y * k)
    def __rmul__(self, k):
        return self * k
    def __neg__(self):
        return Point(-self.x, -self.y)
    def __lt__(self, o):
        return (self.x, self.y) < (o.x, o.y)
    def __bool__(self):
        return bool(self.x or self.y)
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __iter__(self):
        yield self.x
        yield self.y
    def __contains__(self, v):
        return v in (self.x, self.y)
    def __call__(self, z):
        return self.x + self.y + z
p1 = Point(1, 2); p2 = Point(3, 4)
print(p1, repr(p1), [p1], p1 + p2, p2 - p1, p1 * 3, 2 * p1, -p1)
print(p1 == Point(1, 2), p1 != p2, p1 < p2, sorted([p2, p1]), bool(Point(0, 0)), len(p1), p1[1], list(p1), 2 in p1, p1(10))
print({p1: "a"}[Point(1, 2)], str(p1), "%s" % p1, f"{p1}", min([p2, p1]))
x, y = p2
print(x, y)
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273:
            raise ValueError("too cold")
        self._c = v
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
t = Temp(); t.celsius = 100
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError", e)
try:
    t.fahrenheit = 5
except AttributeError:
    print("AttributeError")
class Dyn:
    def __getattr__(self, name):
        return "dyn_" + name
dd = Dyn(); dd.real = 1
print(dd.foo, dd.real, getattr(dd, "bar"), hasattr(dd, "anything"))
class Slots:
    pass
s = Slots(); s.a = 1; setattr(s, "b", 2)
print(s.a, getattr(s, "b"), getattr(s, "c", "default"), hasattr(s, "a"))
delattr(s, "a")
print(hasattr(s, "a"))
class Base1:
    def who(self):
        return "Base1"
class Base2:
    def who(self):
        return "Base2"
    def only2(self):
        return "only2"
class Multi(Base1, Base2):
    pass
m = Multi()
print(m.who(), m.only2(), [k.__name__ for k in Multi.__mro__] if hasattr(Multi, "__mro__") else "")
class Container:
    def __init__(self):
        self.data = {}
    def __setitem__(self, k, v):
        self.data[k] = v
    def __getitem__(self, k):
        return self.data[k]
    def __delitem__(self, k):
        del self.data[k]
c = Container(); c["x"] = 1; print(c["x"]); del c["x"]; print(len(c.data))
class CtxMgr:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, t, v, tb):
        print("exit", t.__name__ if t else None)
        return t is ValueError
with CtxMgr() as cm:
    print("body", type(cm).__name__)
with CtxMgr():
    raise ValueError("swallowed")
print("after")
class Counter:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i
print(list(Counter(3)), sum(Counter(4)), [x for x in Counter(2)])
class WithClassAttr:
    items = []
    def add(self, v):
        self.items.append(v)
w1 = WithClassAttr(); w2 = WithClassAttr(); w1.add(1); w2.add(2)
print(WithClassAttr.items)
print(type(Point).__name__, Point.__name__, p1.__class__.__name__)
