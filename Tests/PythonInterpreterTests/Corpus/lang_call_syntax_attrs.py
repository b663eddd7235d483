# Calls MicroPython refuses: *args after a keyword argument (a SyntaxError at compile time),
# and attributes set on functions (MicroPython functions carry none).
def f(*a, **k):
    return a, k

print(f(1, *(2, 3), x=4, **{'y': 5}))
for src in ("f(**{'a': 1}, *(2, 3))", "f(x=1, *(2,))", "f(*(1,), x=2)"):
    try:
        print(eval(src))
    except SyntaxError as e:
        print('SyntaxError', src)

def g():
    pass

for name in ('tag', '__name__', '__globals__'):
    try:
        setattr(g, name, 1)
        print('set', name)
    except AttributeError as e:
        print('AttributeError', e)
print(g.__name__, type(g.__globals__))
