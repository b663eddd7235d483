# string building, formatting, splitting and joining (small strings, many times)
n = 0
total = 0
for i in range(60000):
    s = "item%d" % i
    t = s + "-" + str(i * 2)
    parts = ("a,b,%s,c" % t).split(",")
    j = "|".join(parts)
    if j.endswith("c") and s.startswith("item"):
        n += len(j)
    total += len(t.upper()) + j.find("b")
print(n, total)
