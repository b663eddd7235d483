# heapq: layout after each operation must match MicroPython's
import heapq

h = []
for x in [5, 3, 8, 1, 9, 2, 7, 1]:
    heapq.heappush(h, x)
    print(h)
print([heapq.heappop(h) for _ in range(len(h))], h)
data = [9, 4, 7, 1, 8, 2, 6, 3, 5, 0]
heapq.heapify(data)
print(data)
jobs = []
for item in [(3, 'c'), (1, 'a'), (2, 'b'), (1, 'aa')]:
    heapq.heappush(jobs, item)
print(jobs, [heapq.heappop(jobs) for _ in range(4)])


class Job:
    def __init__(self, p):
        self.p = p

    def __lt__(self, other):
        return self.p < other.p


q = []
for p in [4, 1, 3]:
    heapq.heappush(q, Job(p))
print([heapq.heappop(q).p for _ in range(3)])
try:
    heapq.heappop([])
except IndexError as e:
    print('IndexError', e)
for bad in [(), (1,)]:
    try:
        heapq.heapify(bad)
    except TypeError as e:
        print('TypeError', e)
try:
    heapq.heappush((), 1)
except TypeError as e:
    print('TypeError', e)
