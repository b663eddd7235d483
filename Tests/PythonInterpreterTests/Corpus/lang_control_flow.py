def f1():
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            print("body", i)
        finally:
            print("finally", i)
    return "done"
print(f1())
def f2():
    try:
        try:
            raise ValueError("inner")
        finally:
            print("inner finally")
    except ValueError as e:
        print("outer caught", e)
        return "returned from except"
    finally:
        print("outer finally")
print(f2())
def f3(n):
    while True:
        try:
            n -= 1
            if n < 0:
                return "negative"
        except Exception:
            pass
        else:
            if n == 2:
                continue
        finally:
            if n == 1:
                print("n is one")
print(f3(4))
def f4():
    results = []
    for i in range(3):
        for j in range(3):
            if j == 2:
                break
            if i == 1:
                continue
            results.append((i, j))
        else:
            results.append("never")
    return results
print(f4())
class Resource:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("open", self.name)
        return self
    def __exit__(self, exc_type, exc, tb):
        print("close", self.name, exc_type.__name__ if exc_type else None)
        return False
def f5():
    with Resource("a") as a, Resource("b") as b:
        print("using", a.name, b.name)
        return "ret in with"
print(f5())
try:
    with Resource("c"):
        raise KeyError("k")
except KeyError:
    print("propagated")
for i in range(3):
    with Resource("loop%d" % i):
        if i == 1:
            continue
        if i == 2:
            break
def f6():
    x = 0
    try:
        x = 1
        return x
    finally:
        x = 2
        print("finally sees", x)
print(f6())
def f7():
    try:
        raise TypeError("t")
    except (ValueError, TypeError) as e:
        try:
            raise RuntimeError("nested")
        except RuntimeError as e2:
            print("nested", e2)
        print("still", type(e).__name__)
f7()
def f8():
    try:
        pass
    except:
        print("never")
    else:
        print("else runs")
    finally:
        print("finally runs")
f8()
count = 0
while count < 3:
    count += 1
else:
    print("while else", count)
n = 0
for x in range(10):
    n += x
    if n > 10:
        print("break at", x)
        break
else:
    print("no break")
def f9():
    for x in range(3):
        try:
            return x
        finally:
            if x == 0:
                continue
print(f9())
def gen():
    try:
        yield 1
        yield 2
    finally:
        print("gen cleanup")
for v in gen():
    print("v", v)
    break
print("after break")
try:
    raise
except RuntimeError as e:
    print("RuntimeError", e)
if __name__ == "__main__":
    print("main module")
