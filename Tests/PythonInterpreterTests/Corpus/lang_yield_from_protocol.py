# `yield from` drives any iterator the way MicroPython resumes a delegate: __next__ for None,
# send() for other values, throw() for exceptions (the thrown object passed unchanged).
class Echo:
    def __init__(self):
        self.log = []
    def __iter__(self):
        return self
    def __next__(self):
        return 'next'
    def send(self, v):
        if v == 'stop':
            raise StopIteration('finished with ' + v)
        return 'got %s' % v
    def throw(self, exc):
        return 'caught %r' % (exc,)

def outer():
    result = yield from Echo()
    yield 'delegate returned ' + result

g = outer()
print(next(g), g.send(5), g.throw(KeyError), g.throw(ValueError('v')), g.throw(7))
print(g.send('stop'))

class Plain:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration(self.n * 10)
        return self.n

def wrap():
    r = yield from Plain()
    return r

print(list(wrap()))
w = wrap()
print(next(w))
try:
    w.throw(IndexError('into plain'))
except IndexError as e:
    print('propagated', e)

def done():
    return 'value'
    yield

d = done()
try:
    next(d)
except StopIteration as e:
    print('first', e.args)
try:
    next(d)
except StopIteration as e:
    print('again', e.args)

def reuse():
    print((yield from d))

print(list(reuse()))

class Stop(StopIteration):
    pass

class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n == 0:
            raise Stop
        self.n -= 1
        return self.n

print(list(Countdown(3)), [x for x in Countdown(2)], sorted(Countdown(4)))

def counter():
    i = 0
    while True:
        yield i
        i += 1

c = counter()
print(next(c), next(c), c.pend_throw(OSError(5)))
try:
    next(c)
except OSError as e:
    print('pending raised', e)
