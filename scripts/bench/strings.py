# string building, formatting, splitting and joining
parts = []
for i in range(200000):
    parts.append("item%d" % i)
s = ",".join(parts)
n = 0
for p in s.split(","):
    if p.endswith("7"):
        n += len(p)
out = ""
for i in range(20000):
    out += str(i)
print(n, len(out), "{}-{}".format(len(s), out[:10]))
