# MicroPython's deque: maxlen required, overflow flag raising IndexError('full'), plain <deque> repr.
from collections import deque
for args in [((),), ([1, 2], 3), ((1, 2), 3), ((), 2), ((), 2, 1)]:
    try:
        d = deque(*args)
        print('ok', args, len(d), d)
    except Exception as e:
        print(type(e).__name__, e)
d = deque((), 2, 1)
d.append(1); d.append(2)
try:
    d.append(3)
except IndexError as e:
    print(repr(e))
try:
    d.appendleft(3)
except IndexError as e:
    print(repr(e))
d = deque((), 3)
d.extend([1, 2, 3, 4]); print(d, list(d), d[0], d[-1])
d.appendleft(9); print(d)
print(deque(maxlen=2) if 0 else 'x')
e = deque((), 2)
try:
    e.pop()
except IndexError as ex:
    print(repr(ex))
