import time
t0 = time.ticks_ms()
time.sleep_ms(10)
print(time.ticks_diff(time.ticks_ms(), t0) >= 10)
import gc
gc.collect()
print(gc.mem_free() > 0, gc.mem_alloc() > 0)
import micropython
X = micropython.const(5)
print(X)
import errno
print(errno.ENOENT, errno.errorcode[2] if hasattr(errno, "errorcode") else "")
import os
print(os.getcwd() != "", type(os.listdir()).__name__)
from collections import namedtuple, OrderedDict, deque
P = namedtuple("P", "x y")
p = P(1, y=2)
print(p, p.x, p[1], len(p), p == (1, 2), isinstance(p, tuple))
x, y = p
print(x, y)
od = OrderedDict()
od["b"] = 1
od["a"] = 2
print(od, list(od.keys()))
dq = deque((), 5)
dq.append(1); dq.append(2); dq.appendleft(0)
print(dq.popleft(), dq.pop(), len(dq))
import array
a = array.array("i", [1, 2, 3])
a.append(4)
print(a, a[0], len(a), list(a), array.array("b", [-1, 127]), array.array("B", b"\x01\x02"))
import io
f = io.StringIO("hello\nworld\n")
print(f.read(3), f.readline(), f.read())
import sys
print(sys.implementation.name, type(sys.version_info).__name__, sys.version_info[0])
import struct
print(struct.pack("<HI", 1, 2), struct.unpack("<HI", b"\x01\x00\x02\x00\x00\x00"), struct.calcsize("<HI"))
import json
print(json.dumps({"a": [1, 2, None, True]}), sorted(json.loads('{"x": 1.5, "y": [1]}').items()))
import re
m = re.match(r"(\w+)-(\d+)", "abc-123")
print(m.group(0), m.group(1), m.group(2))
import math
print(math.factorial(20))
