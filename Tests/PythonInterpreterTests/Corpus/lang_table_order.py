# Sets and dicts iterate in MicroPython's hash-table order, which depends on how the table
# was built (display size, growth, deletions). These cases pin that order down.
s = set()
for n in [12, 7, 30, 4, 19, 2, 45, 8]:
    s.add(n)
    print(s)
print({40, 11, 6, 23})
print({n * 3 for n in range(9, 0, -1)})
t = {1, 2, 3, 4, 5, 6, 7}
t.discard(4)
t.add(11)
t.remove(2)
t.add(20)
print(t, len(t))
print(t | {100, 3}, t & {7, 11, 5, 0}, t - {1, 20}, t ^ {5, 50, 6})
u = set(range(15, 0, -2))
u |= {2, 4}
print(u)
u &= {1, 2, 3, 4, 5, 13}
print(u)
u ^= {3, 8}
print(u)
u -= {8}
print(u, u.copy(), u.pop(), u)
print(frozenset([9, 18, 27, 36]), set('hello'), {'alpha', 'beta', 'gamma'})
d = {}
for k in [33, 'key', 5, 'x', 17, -1, 0]:
    d[k] = str(k)
print(d)
print({'one': 1, 'two': 2, 'three': 3, 'four': 4})
print({k: k * k for k in [9, 4, 16, 25]}, dict.fromkeys('abcde', 0))
d = {5: 'a', 3: 'b', 9: 'c', 1: 'd'}
del d[3]
d[14] = 'e'
print(d, list(d.keys()), list(d.values()), d.copy())
print(d.popitem(), d)
d.clear()
d[7] = 1
d[2] = 2
print(d, list(d.items()))
print(hash('a'), hash(''), hash(b'abc'), hash(2.75), hash(-3.5), hash(1e30))
print(repr('caf\xe9 \u20ac \U0001f600'), 'caf\xe9')
