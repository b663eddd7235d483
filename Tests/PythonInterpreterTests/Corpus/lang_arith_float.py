print(1.5 + 2.25, 3.0 * 2, 7.0 / 2, 7.5 // 2, 7.5 % 2, -7.5 // 2, -7.5 % 2)
print(0.1 + 0.2, 1 / 3, 2 / 3, 10 / 4, 1e10, 1e16, 1e-5, 1.5e-7, 123456789.123)
print(float("1.5"), float("-inf"), float("nan"), float(3), float("  2.5 "), float("1e3"))
print(2.0 ** 0.5, 2 ** -1, 4 ** 0.5, (-8) ** 2.0, 10.0 ** 20, 10.0 ** -3)
print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(1.23456, 3), round(-0.5))
print(int(2.9e10), float(2 ** 60), 1e300 * 10, -1e300 * 10)
print(abs(-2.5), 3.0 == 3, 0.0 == -0.0, float("inf") > 1e308)
print(1.0, 100.0, 1e22, 1.0e-10, 12345678.9, 0.001, 0.0001)
print(str(1.0), repr(2.5), str(-0.0), 3.14159)
print(divmod(7.5, 2), divmod(-7.5, 2))
x = 1.0
for i in range(10):
    x = x * 1.1
print(x)
print(sum([0.1] * 10), max(1.5, 2), min(-1, -1.5))
try:
    1.0 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    float("abc")
except ValueError as e:
    print("ValueError", e)
print(float(True), int(-0.5), round(0.5), round(1.5))
print("%.3f %e %g %10.2f|%-8.1f|" % (3.14159, 12345.678, 0.0001234, 2.5, 1.75))
print("{:.2f} {:e} {:g} {:10.3f} {:<8.2f}| {:+.1f}".format(3.14159, 1234.5, 1e-7, 2.0, 1.5, 2.75))
print(f"{2.5:08.3f} {1/3:.5} {1e20:.3g} {12.0:g}")
