# float repr and %g of integers and powers of ten
for base in [17, 321, 9999, 45678]:
    for digits in range(0, 11, 2):
        for power in range(0, 7):
            v = base * 10 ** power
            print(v, ("{:.%de}" % digits).format(v), ("{:.%df}" % digits).format(v), ("{:.%dg}" % digits).format(v))
for i in range(0, 40):
    x = float("1e" + str(i))
    print(i, "{:.7g}".format(x), "{:g}".format(x), "%.3e" % x, repr(x), "%.17g" % x)
print("{:f}".format(2**24 - 1), "{:f}".format(2**31 - 128), "{:.6e}".format(float("7" * 30 + "e8")))
for i in range(-20, 1):
    x = float("1e" + str(i))
    print(i, repr(x), "%.5g" % x, "{:e}".format(x), "%f" % x)
