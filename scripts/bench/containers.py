# dict and list work
d = {}
for i in range(200000):
    d["k%d" % (i % 5000)] = d.get("k%d" % (i % 5000), 0) + i
lst = [i * 2 for i in range(300000)]
total = 0
for x in lst:
    total += x
lst.sort(reverse=True)
squares = {i: i * i for i in range(100000)}
hits = 0
for i in range(0, 200000, 3):
    if i in squares:
        hits += 1
print(len(d), total, lst[0], hits, sum(squares.values()) % 1000)
