a = [3, 1, 4, 1, 5, 9, 2, 6]
print(len(a), a[0], a[-1], a[2:5], a[::3], a[::-1], a[10:], a[-3:-1])
a.append(7); a.insert(0, 0); a.extend([8, 8])
print(a, a.count(1), a.index(4), a.pop(), a.pop(0), a)
a.remove(1)
print(a)
a.sort(); print(a)
a.sort(reverse=True); print(a)
a.reverse(); print(a)
print(sorted(["bb", "a", "ccc"], key=len), sorted([3, 1, 2], reverse=True))
b = a.copy(); b.clear(); print(b, a[:3])
a[1:3] = [10, 20, 30]; print(a)
del a[0]; del a[1:3]; print(a)
print([1, 2] + [3], [0] * 5, [[0] * 2] * 2, 2 * [1])
print([1, 2, 3] == [1, 2, 3], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] < [1])
print(3 in [1, 2, 3], 4 not in [1, 2, 3])
print(list(range(5)), list(range(2, 10, 3)), list(range(10, 0, -2)))
print(sum([1, 2, 3]), min([4, 2, 8]), max([4, 2, 8]), any([0, 0, 1]), all([1, 1, 0]))
m = [[1, 2], [3, 4]]
print(m, m[1][0], [row[1] for row in m], list(zip(*m)))
x, y, z = [1, 2, 3]
print(x, y, z)
first, *rest = [1, 2, 3, 4]
*init, last = [1, 2, 3, 4]
a1, *mid, b1 = [1, 2, 3, 4, 5]
print(first, rest, init, last, a1, mid, b1)
l = [5, 3, 8]
l += [1]
l *= 2
print(l)
nested = [1, [2, [3, [4]]]]
print(nested, nested[1][1][1][0])
print(list(enumerate("ab")), list(enumerate("ab", 1)), list(reversed([1, 2, 3])))
try:
    [1, 2][5]
except IndexError as e:
    print("IndexError", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError", e)
try:
    [1].remove(2)
except ValueError as e:
    print("ValueError", e)
print([x * x for x in range(6) if x % 2 == 0], [(i, j) for i in range(2) for j in range(2)])
