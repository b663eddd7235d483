t = (1, 2, 3)
print(t, t[0], t[-1], t[1:], len(t), t + (4,), t * 2, (1,), (), tuple([1, 2]))
print(t.count(2), t.index(3), 2 in t, (1, 2) < (1, 3), (1, 2) == (1, 2), hash((1, 2)) == hash((1, 2)))
a, b = b, a = 1, 2
print(a, b)
s = {1, 2, 3}
s.add(4); s.discard(10); s.remove(1)
print(sorted(s), len(s), 2 in s)
print(sorted({1, 2} | {2, 3}), sorted({1, 2} & {2, 3}), sorted({1, 2} - {2, 3}), sorted({1, 2} ^ {2, 3}))
print({1, 2} <= {1, 2, 3}, {1, 2} < {1, 2}, {1, 2, 3} >= {1}, {1}.isdisjoint({2}))
print(sorted(set([3, 3, 1])), set(), frozenset([1, 2]) == frozenset([2, 1]), len(frozenset("abca")))
u = set("abc"); u.update("cd"); print(sorted(u))
v = {1, 2, 3}; v.intersection_update({2, 3, 4}); print(sorted(v))
w = {1, 2, 3}; w.difference_update({1}); print(sorted(w))
print(sorted({x % 3 for x in range(10)}))
fs = frozenset([1, 2])
dd = {fs: "frozen"}
print(dd[frozenset([2, 1])])
try:
    set().pop()
except KeyError as e:
    print("KeyError", e)
try:
    {1}.remove(5)
except KeyError as e:
    print("KeyError", e)
try:
    t[0] = 5
except TypeError as e:
    print("TypeError", e)
x = 1,
print(x, type(x).__name__)
