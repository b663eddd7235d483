def g():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        raise
gg = g()
next(gg)
gg.close()
def h():
    x = yield
    print("h got", x)
    yield x * 2
hh = h()
next(hh)
print(hh.send(21))
def thrower():
    while True:
        try:
            yield
        except KeyError as e:
            print("caught", repr(e))
t = thrower()
next(t)
t.throw(KeyError("k"))
t.throw(KeyError("k2"))
class It:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration
        return self.n
def deleg():
    r = yield from It()
    print("r", r)
print(list(deleg()))
def early():
    yield 1
    return
    yield 2
print(list(early()))
print(next((x for x in range(0)), "empty"))
def ctx_gen():
    with open("f.txt", "w") as f:
        yield f
print(type(next(ctx_gen())).__name__)
lst = [1, 2, 3]
it = iter(lst)
lst.append(4)
print(list(it))
gen = (i for i in range(3))
print(list(zip(gen, gen)))
