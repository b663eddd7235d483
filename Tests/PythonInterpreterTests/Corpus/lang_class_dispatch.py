# How MicroPython dispatches through classes: static/class methods serving operators, builtin
# functions stored on a class (not bound), implicit staticmethod __new__, in-place operators.
class Vec:
    scale = abs          # a builtin function: not bound to instances
    kind = int           # a type: not bound either

    def __init__(self, x):
        self.x = x

    @staticmethod
    def __truediv__(other):
        return 'static div by %r' % (other,)

    @classmethod
    def __mul__(cls, other):
        return (cls.__name__, other)

    def __add__(self, other):
        return Vec(self.x + other)

    def __iadd__(self, other):
        self.x += 100 * other
        return self

    def __sub__(self, other):
        return Vec(self.x - other)

    def __imul__(self, other):
        return 'never used by the unix port'

v = Vec(3)
print(v.scale(-4), v.kind('12'), Vec.scale(-5), v / 2, v * 7)
w = v
w += 1
print(w is v, v.x)
w -= 1
print(w is v, w.x, v.x)
try:
    w *= 2
except TypeError:
    print('no __imul__ fallback')
print(w)

class Made:
    def __new__(cls, *args):
        print('new', cls.__name__, args)
        return super().__new__(cls)
    def __init__(self, *args):
        self.args = args

m = Made(1, 2)
print(m.args, type(Made.__new__(Made)).__name__)

class Body:
    a = 1
    b = a + 1
    names = sorted(k for k in locals() if not k.startswith('__'))
    print('in body', names, locals()['b'])

class Hashed:
    def __hash__(self):
        return (1 << 80) + 5
print(hash(Hashed()) != 0, type(hash(Hashed())))

class Base:
    def who(self):
        return str(super())[:20]
print(Base().who())

big = -(1 << 70) - 3
print(big >> 1, big >> 5, big >> 70, big >> 200, (-(1 << 65)) >> 3)
print(0 ** (1 << 70), 1 ** (1 << 70), (-1) ** ((1 << 70) + 1), (1 << 65) ** 2)
