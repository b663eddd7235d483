# random: seeded sequences must match MicroPython's generator exactly
import random

random.seed(1)
print(random.getrandbits(32), random.getrandbits(32), random.getrandbits(8), random.getrandbits(0))
print(random.random(), random.randrange(10), random.randint(1, 6), random.uniform(1, 2))
print(random.choice([1, 2, 3]), random.choice('abc'), random.choice((4, 5)))
random.seed(12345)
print([random.randrange(0, 100, 7) for _ in range(10)])
print([random.randrange(10, 0, -2) for _ in range(10)])
print([random.randint(-5, 5) for _ in range(10)])
random.seed(0)
print(random.getrandbits(32), random.getrandbits(16))
for args in [(0,), (5, 1), (1, 10, 0), (10, 0, 2)]:
    try:
        random.randrange(*args)
    except ValueError:
        print(args, 'ValueError')
for fn in [lambda: random.getrandbits(33), lambda: random.getrandbits(-1), lambda: random.randint(3, 1)]:
    try:
        fn()
    except ValueError as e:
        print('ValueError', e)
try:
    random.choice([])
except IndexError:
    print('IndexError')
random.seed(7)
values = [random.random() for _ in range(1000)]
print(min(values) >= 0, max(values) < 1)
print(random.seed(3))
