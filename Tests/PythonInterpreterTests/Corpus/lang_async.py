class Awaitable:
    def __init__(self, v):
        self.v = v
    def __iter__(self):
        yield ("suspend", self.v)
        return self.v * 2
async def child(x):
    r = await Awaitable(x)
    return r + 1
async def parent():
    a = await child(1)
    b = await child(10)
    return [a, b]
def run(coro):
    try:
        while True:
            signal = coro.send(None)
            print("driver got", signal)
    except StopIteration as e:
        return e.value
print(run(parent()))
class AIter:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i
class ACtx:
    async def __aenter__(self):
        print("aenter")
        return "ctx"
    async def __aexit__(self, t, v, tb):
        print("aexit", t)
        return False
async def use_async_features():
    out = []
    async for v in AIter(3):
        out.append(v)
    async with ACtx() as c:
        out.append(c)
    return out
print(run(use_async_features()))
async def simple():
    return "simple"
c = simple()
print(type(c).__name__)
print(run(c))
