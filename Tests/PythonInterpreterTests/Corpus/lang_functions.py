def add(a, b=10, *args, c=5, **kw):
    return a + b + c + sum(args) + sum(kw.values())
print(add(1), add(1, 2), add(1, 2, 3, 4), add(1, c=0), add(1, 2, x=100), add(*[1, 2], **{"c": 1}))
def kwonly(a, *, b, c=3):
    return (a, b, c)
print(kwonly(1, b=2), kwonly(1, c=4, b=5))
def defaults(x=[]):
    x.append(1)
    return len(x)
print(defaults(), defaults(), defaults([]))
def counter():
    n = 0
    def inc(step=1):
        nonlocal n
        n += step
        return n
    return inc
c1 = counter(); c2 = counter()
print(c1(), c1(), c1(5), c2())
g = 100
def read_global():
    return g
def write_global():
    global g
    g = 200
print(read_global()); write_global(); print(g)
def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner()
    return middle()
print(outer())
lam = lambda x, y=2: x * y
print(lam(3), lam(3, 3), (lambda: "no args")(), list(map(lambda v: v + 1, [1, 2])))
def deco(f):
    def wrapper(*a, **k):
        return "<" + str(f(*a, **k)) + ">"
    return wrapper
@deco
def hello(name):
    return "hi " + name
print(hello("bob"))
def deco_args(tag):
    def d(f):
        return lambda *a: tag + f(*a)
    return d
@deco_args("#")
@deco
def twice(x):
    return x * 2
print(twice(4))
def rec(n):
    return 1 if n <= 1 else n * rec(n - 1)
print(rec(20), rec(25))
fns = [lambda i=i: i for i in range(3)]
print([f() for f in fns])
closures = []
for i in range(3):
    closures.append(lambda: i)
print([f() for f in closures])
def varargs(*a):
    return a
print(varargs(), varargs(1), varargs(*range(3)), varargs(*"ab", *[1]))
def kwargs_only(**kw):
    return sorted(kw.items())
print(kwargs_only(a=1, b=2), kwargs_only(**{"z": 0}))
print(hello.__name__ if hasattr(hello, "__name__") else "?", add.__name__)
def ret_multi():
    return 1, 2, 3
a, b, c = ret_multi()
print(a, b, c, ret_multi())
def no_return():
    pass
print(no_return())
try:
    add()
except TypeError as e:
    print("TypeError")
try:
    kwonly(1)
except TypeError as e:
    print("TypeError kw")
def f_unbound():
    print(undefined_name_xyz)
try:
    f_unbound()
except NameError as e:
    print("NameError", e)
def shadow():
    y = 1
    def inner():
        return y + 1
    y = 10
    return inner()
print(shadow())
def gen_factory():
    return [lambda x, k=k: x + k for k in range(3)]
print([f(10) for f in gen_factory()])
