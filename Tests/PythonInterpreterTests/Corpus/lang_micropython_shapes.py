# Where MicroPython's builtins differ in shape from CPython's.
from collections import OrderedDict, namedtuple
import sys

a = OrderedDict([("x", 1), ("y", 2)])
b = OrderedDict([("y", 2), ("x", 1)])
print(a, a == b, a == OrderedDict(a), a == {"y": 2, "x": 1}, {"y": 2, "x": 1} == b, a == {"x": 1, "y": 2})

class Bag(dict):
    pass
class Ordered(OrderedDict):
    pass
print(Bag(k=1), repr(Bag()), Ordered([(1, 2)]))

class Key:
    def __getitem__(self, k):
        return k
s = Key()[1:8:3]
print(s.indices(5), s.indices(20), Key()[::-1].indices(4), Key()[-3:].indices(2))
try:
    {s: 1}
except TypeError:
    print("slice is unhashable")

class Listing:
    def __dir__(self):
        return ["only", "these"]
print(dir(Listing()), "only" in dir(Listing))

P = namedtuple("P", "x y")
print([hasattr(P(1, 2), n) for n in ("_asdict", "_replace", "_fields")], hasattr(sys, "getsizeof"))
print("__file__" in globals())
print(OrderedDict(x=1) == {"x": 1}, {} == OrderedDict(), Ordered(x=1) == OrderedDict(x=1))
