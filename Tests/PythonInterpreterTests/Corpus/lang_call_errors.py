def f1(a): pass
def f2(a, b=1): pass
def f3(*a): pass
def f4(a, *b): pass
def f5(a, *, k): pass
for fn, args in [(f1, (1, 2)), (f2, (1, 2, 3)), (f2, ()), (f4, ()), (f5, (1, 2)), (f5, (1,))]:
    try:
        fn(*args)
    except TypeError as e:
        print(e)
try:
    f1(b=1)
except TypeError as e:
    print(e)
try:
    f2(1, a=2)
except TypeError as e:
    print(e)
