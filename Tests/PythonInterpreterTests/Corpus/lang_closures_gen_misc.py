def make_counters():
    counters = {}
    for name in ("a", "b"):
        def make(n=name):
            total = [0]
            def inc():
                total[0] += 1
                return n + str(total[0])
            return inc
        counters[name] = make()
    return counters
cs = make_counters()
print(cs["a"](), cs["a"](), cs["b"]())
def accumulate(it):
    total = 0
    for x in it:
        total += x
        yield total
print(list(accumulate(range(6))))
def take(n, it):
    out = []
    for x in it:
        if len(out) >= n:
            break
        out.append(x)
    return out
def naturals():
    n = 0
    while True:
        yield n
        n += 1
print(take(5, naturals()), take(3, (x * x for x in naturals())))
def pipeline():
    evens = (n for n in naturals() if n % 2 == 0)
    squares = (n * n for n in evens)
    return take(4, squares)
print(pipeline())
def gen_with_state():
    state = yield "ready"
    while state != "stop":
        state = yield "got " + str(state)
    yield "stopping"
g = gen_with_state()
print(next(g), g.send(1), g.send("x"), g.send("stop"))
def tree(depth):
    if depth == 0:
        yield "leaf"
        return
    for child in range(2):
        for leaf in tree(depth - 1):
            yield str(child) + leaf
print(list(tree(2)))
matrix = [[i * 3 + j for j in range(3)] for i in range(3)]
print(matrix, [list(r) for r in zip(*matrix)], [x for row in matrix for x in row if x % 2])
print({(i, j): i * j for i in range(2) for j in range(2)} == {(0, 0): 0, (0, 1): 0, (1, 0): 0, (1, 1): 1})
words = ["apple", "bob", "kayak", "level", "xyz"]
print([w for w in words if w == "".join(reversed(w))], sorted(words, key=lambda w: (len(w), w)))
funcs = {}
for op in ["+", "-", "*"]:
    funcs[op] = eval("lambda a, b: a " + op + " b")
print([funcs[o](6, 3) for o in ["+", "-", "*"]])
def compose(*fs):
    def composed(x):
        for f in reversed(fs):
            x = f(x)
        return x
    return composed
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5), compose()(7))
def memo(f):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = f(n)
        return cache[n]
    return wrapper
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80))
x = 10
def outer_fn():
    x = 20
    def inner_fn():
        return x
    x = 30
    return inner_fn
print(outer_fn()(), x)
nums = [5, 3, 8, 1]
nums.sort(key=lambda v: -v)
print(nums, list(map(lambda p: p[0] * p[1], zip(nums, nums))))
print(list(filter(lambda s: s, ["", "a", None, "b"])), [i for i, v in enumerate("abc") if v != "b"])
it = iter(range(3))
for v in it:
    print("iter", v, list(it))
print(sum(i for i in range(10) if i % 3 == 0), max((len(w), w) for w in words))
