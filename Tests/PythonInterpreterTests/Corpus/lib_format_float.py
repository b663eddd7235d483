# float formatting through format specs, % and str(): MicroPython's digits and rounding
def show(fmt, *args):
    try:
        print(fmt, ">" + fmt.format(*args) + "<")
    except Exception as e:
        print(fmt, type(e).__name__, e)
for v in [123.456, -123.456, 0.0, -0.0, 1e-7, 5e22, 2.5, 1.5e-300]:
    for spec in ["{:10.4}", "{:10.4e}", "{:10.4f}", "{:10.4g}", "{:10.4n}", "{:10.4E}", "{:10.4F}", "{:10.4G}", "{:.1}", "{:.0e}", "{:#.3g}", "{:+.2%}", "{:010.2f}", "{:<12.5g}|", "{:^12.3e}|"]:
        show(spec, v)
for v in [float("inf"), float("-inf"), float("nan")]:
    for spec in ["{:06e}", "{:06f}", "{:<6g}|", "{:+}", "{:.2%}", "{:E}", "{:010}"]:
        show(spec, v)
for v in [100, 200, -300, 10**20, True]:
    for spec in ["{:e}", "{:f}", "{:g}", "{:.2%}", "{:10.3E}"]:
        show(spec, v)
show("{:10.1b}", 0.0)
print("%.0f" % (1.75 % 0.08333333333), "%.3f" % (1.75 % 0.08333333333))
for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, 0.125, 0.375, 1.0005, 2.675, 1234.5678, 1e-5, 9.9999, 99.995, 0.045]:
    print(v, "%.0f %.1f %.2f %.3f %e %.2e %g %.3g %10.4f|%-10.1e|%+.1f" % (v, v, v, v, v, v, v, v, v, v, v))
for e in range(-8, 18, 3):
    v = 1.2345678901234567 * 10 ** e
    print(e, v, str(-v), "%g" % v, "%.10g" % v, "{:.15}".format(v), "{}".format(v * 3))
print(1/3, 2/3, 0.1 * 3, 1e300 * 1e10, -1e300 * 1e10, 3.14159265358979, 2**0.5, 10/3*3)
print([0.1, 0.25], (1.0,), {1.5: 2.5}, 1e16, 1.5e16, 12345678912345.678, 0.000123)
print(float("1e5"), float("-.5"), float("1_0.5") if 0 else 0, float(" 2.5 "), float("inf"), float("-nan"))
print(round(2.5), round(3.5), round(-2.5), round(1.2345, 2), round(1.5e10, -3), round(0.125, 2), round(2.675, 2))
print(str(1e-4), str(1e-5), str(123e-7), repr(-1e16), repr(9999999999999998.0))
