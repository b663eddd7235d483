# dict and list work on small containers, many operations
total = 0
hits = 0
for rep in range(30):
    d = {}
    for i in range(2000):
        k = i % 500
        d[k] = d.get(k, 0) + i
    lst = [i * 2 for i in range(2000)]
    for x in lst:
        total += x
    lst.sort(reverse=True)
    sq = {i: i * i for i in range(1000)}
    for i in range(0, 2000, 3):
        if i in sq:
            hits += 1
    total += len(d) + lst[0]
print(total, hits)
