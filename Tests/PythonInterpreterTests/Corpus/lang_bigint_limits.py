# Big ints where a machine word is needed, huge results refused early, float formatting that
# outgrows MicroPython's buffer.
for expr in ("[1, 2, 3][1 << 70:]", "[0] * (1 << 65)", "'ab' * (1 << 64)", "(1, 2)[-(1 << 80)]",
             "b'xy'[:1 << 90]", "1 << (1 << 64)"):
    try:
        print(expr, eval(expr))
    except (OverflowError, MemoryError) as e:
        print(expr, type(e).__name__)
print(len(str(3 ** 500)), (-1) ** (1 << 70), 0 ** (1 << 70), 1 ** (1 << 70))
for v in (1.5, -2.25, 123456.5, 99.98999999999999, 1e20, 12345678901.25, 0.001):
    print(["%.{}f".format(p) % v for p in (20, 26, 31, 40)])
print(len("{:.{}f}".format(2.5, 10 ** 9)), len("%.*e" % (500, 3.5)))
