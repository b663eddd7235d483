def f(n):
    if n == 0:
        raise ValueError("zero")
    return 10 / n
for v in [2, 0]:
    try:
        r = f(v)
    except ValueError as e:
        print("caught", repr(e), e.args)
    else:
        print("no error", r)
    finally:
        print("finally", v)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError("k")
except KeyError as e:
    print("outer caught", e, repr(e))
class MyError(Exception):
    pass
class MyError2(MyError):
    def __init__(self, code):
        super().__init__("code %d" % code)
        self.code = code
try:
    raise MyError2(42)
except MyError as e:
    print(type(e).__name__, e, e.code, e.args, isinstance(e, Exception))
try:
    raise MyError
except MyError as e:
    print("bare class", repr(e), e.args)
def cleanup():
    try:
        return "from try"
    finally:
        print("cleanup runs")
print(cleanup())
def override():
    try:
        return 1
    finally:
        return 2
print(override())
for i in range(3):
    try:
        if i == 1:
            continue
        print("loop", i)
    finally:
        print("fin", i)
try:
    raise ValueError("a") from KeyError("b")
except ValueError as e:
    print("chained", e)
try:
    assert 1 == 2, "math broke"
except AssertionError as e:
    print("AssertionError", e)
try:
    [][0]
except (KeyError, IndexError) as e:
    print("tuple catch", type(e).__name__)
try:
    raise RuntimeError
except Exception as e:
    print(type(e).__name__, e.args)
def reraise():
    try:
        {}["x"]
    except KeyError:
        print("handling")
        raise
try:
    reraise()
except KeyError as e:
    print("reraised", e)
e1 = ValueError(1, 2)
print(e1.args, str(e1), repr(ValueError()), str(ValueError("x")))
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(KeyError, LookupError), issubclass(StopIteration, Exception))
try:
    int("x")
except ValueError as e:
    print(e)
try:
    undefined_thing
except NameError as e:
    print(e)
try:
    None.attr
except AttributeError as e:
    print(e)
try:
    len(5)
except TypeError as e:
    print(e)
try:
    1 + "a"
except TypeError as e:
    print(e)
try:
    [1, 2, 3].index(9)
except ValueError as e:
    print(e)
try:
    raise OSError(2)
except OSError as e:
    print(e, e.args, e.errno)
x = 0
while True:
    try:
        x += 1
        if x > 3:
            break
    finally:
        pass
print("x", x)
try:
    raise KeyboardInterrupt
except BaseException as e:
    print("BaseException", type(e).__name__)
try:
    exit_code = 0
    raise SystemExit(3)
except SystemExit as e:
    print("SystemExit", e.args)
def deep(n):
    return deep(n + 1)
try:
    deep(0)
except RuntimeError as e:
    print("RuntimeError", e)
print("done")
raise ValueError("uncaught at the end")
