# `:=` inside a comprehension binds in the nearest enclosing function (or the module).
def last_even(xs):
    found = [n for x in xs if (n := x) % 2 == 0]
    return found, n

print(last_even([3, 4, 7, 10, 11]))

def first_big(xs):
    if any((big := x) > 100 for x in xs):
        return big
    return None

print(first_big([5, 500, 7]), first_big([1, 2]))

squares = [last := x * x for x in range(1, 6)]
print(squares, last)

def nested():
    rows = [[(cell := r * c) for c in range(3)] for r in range(3)]
    return rows, cell

try:
    print(nested())
except NameError as e:
    print('NameError', e)  # MicroPython binds a nested comprehension's target one level out

def with_global():
    global g
    [g := k for k in 'xyz']

with_global()
print(g)

def outer():
    def inner():
        nonlocal acc
        [acc := acc + v for v in (1, 2, 3)]
    acc = 10
    inner()
    return acc

print(outer())
