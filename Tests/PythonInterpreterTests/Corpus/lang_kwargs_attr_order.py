# Keyword-argument dicts and instance attribute dicts iterate in MicroPython's table order too.
def f(**kw):
    return kw
def g(a, **kw):
    return kw
d = {'qq': 1, 'ww': 2, 'ee': 3, 'rr': 4}
print(f(**d), f(zz=0, **d), g(1, tt=1, yy=2, uu=3, ii=4, oo=5, pp=6), f(), f(k=1))
print(dict(one=1, two=2, three=3, four=4, five=5))
class P:
    def __init__(self):
        self.name = 'n'; self.value = 3; self.count = 0; self.x = 1; self.y = 2; self.zeta = 9; self.alpha = 0
p = P()
print(p.__dict__)
del p.x
p.omega = 5
print(p.__dict__)
import json
print(json.dumps({'b': 1, 'a': [1, {'z': 1, 'y': 2}], 'c': None}))
g = {k: v for k, v in globals().items() if not k.startswith('__')}
print(sorted(g))
def f(**kw):
    return kw
print(f(zz=1, aa=2, mm=3, bb=4, cc=5))
print(dict(zip('hello world', range(11))))
s = {'x', 'yy', 'zzz', 'w'}; print(s)
