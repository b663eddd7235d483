def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(count(4)), sum(count(10)), max(count(5)))
g = count(2)
print(next(g), next(g), next(g, "done"))
try:
    next(g)
except StopIteration:
    print("StopIteration")
def echo():
    received = []
    while True:
        x = yield len(received)
        if x is None:
            break
        received.append(x)
    return received
e = echo()
print(next(e), e.send("a"), e.send("b"))
try:
    e.send(None)
except StopIteration as s:
    print("returned", s.value if hasattr(s, "value") else s.args)
def delegate():
    r = yield from echo()
    yield ("inner returned", r)
dg = delegate()
print(next(dg), dg.send(1), dg.send(None))
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], (3,), range(4, 6), "ab")))
gen_exp = (x * x for x in range(5) if x % 2 == 0)
print(list(gen_exp), list(gen_exp))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])
def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("gen finally")
wf = with_finally()
print(next(wf))
wf.close()
print("closed")
def thrower():
    try:
        yield 1
    except ValueError as ex:
        yield "caught " + str(ex)
t = thrower()
print(next(t), t.throw(ValueError("boom")))
print(sorted(x for x in [3, 1, 2]), dict((k, v) for k, v in zip("ab", range(2))) == {"a": 0, "b": 1})
print(any(x > 3 for x in range(5)), all(x < 3 for x in range(5)))
def nested_gen():
    for i in range(3):
        yield [j for j in range(i)]
print(list(nested_gen()))
z = zip(count(3), "abc", [True, False, True])
print(list(z))
print(list(enumerate(count(2))), list(map(lambda a, b: a + b, count(3), count(3))), list(filter(None, [0, 1, "", "x"])))
it = iter([1, 2, 3])
print(next(it), list(it))
print(list(reversed(range(5))), list(range(10)[2:8:2]), range(10)[-1], len(range(0, 100, 7)))
def gen_return():
    yield 1
    return 5
gr = gen_return()
next(gr)
try:
    next(gr)
except StopIteration as s:
    print("value", s.value)
