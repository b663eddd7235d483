d = {"a": 1, "b": 2}
d["c"] = 3
print(sorted(d.items()), len(d), d["a"], d.get("z"), d.get("z", 0), "a" in d, "z" not in d)
print(sorted(d.keys()), sorted(d.values()), sorted(d.items()))
for k in sorted(d):
    print(k, d[k])
d.update({"d": 4}, e=5)
print(sorted(d.items()))
print(d.pop("a"), d.pop("zz", None), d.setdefault("f", 6), d.setdefault("b", 99), sorted(d.items()))
del d["b"]
print(sorted(d.items()), len(d.popitem()), len(d))
e = dict(x=1, y=2)
print(e == {"x": 1, "y": 2}, dict([("a", 1)]), dict(zip("a", [1])), dict.fromkeys("a", 0))
print(sorted({i: i * i for i in range(5)}.items()), {k: v for k, v in e.items() if v > 1})
f = {1: "int", 1.5: "float", (1, 2): "tuple", None: "none", True: "bool?"}
print(len(f), f[1], f[(1, 2)], f[None])
c = e.copy(); c["z"] = 0; print(len(e), len(c), c["z"])
print({"a": 1} == {"a": 1}, {"a": 1} != {"a": 2})
keys = d.keys()
d["new"] = 1
print(len(keys), "new" in keys)
try:
    d["missing"]
except KeyError as ex:
    print("KeyError", ex)
try:
    {}.popitem()
except KeyError as ex:
    print("KeyError")
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(sorted(counts.items()), sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
order = {}
for k in [3, 1, 2]:
    order[k] = k
del order[1]
order[1] = 1
print(sorted(order), len(order))
print(sorted((dict(a=1) | dict(b=2)).items()))
