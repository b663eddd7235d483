# Ranges near the machine-word limits behave as on MicroPython (its wrapping length arithmetic,
# OverflowError for values it cannot convert) instead of stopping the host; numeric builtins.
import sys
for expr in ['range(sys.maxsize)', 'len(range(sys.maxsize))', 'range(sys.maxsize)[-1]', 'range(-sys.maxsize - 1, sys.maxsize)', 'len(range(-sys.maxsize - 1, sys.maxsize))', 'range(0, sys.maxsize, 2)[5]', 'range(sys.maxsize + 1)', 'range(2**70)']:
    try:
        print(expr, eval(expr))
    except Exception as e:
        print(expr, type(e).__name__, e)
print(round(2.5), round(3.5), round(-2.5), round(1.25, 1), round(1.35, 1), round(2.675, 2), round(123, -1), round(125, -1), round(0.5), round(-0.5))
print(divmod(7.5, 2), divmod(-7.5, 2), divmod(7, -2.0), 7.5 // 2, -7.5 % 2)
print(oct(8), oct(-8), hex(-255), bin(0), '%o' % 8, '%#o' % 8, '%#x' % 255)
print(min(3, 1, 2, key=lambda x: -x), max([], default=None), min((1, 'b'), (1, 'a')), sorted([3, 1, 2], reverse=True))
print(abs(-2.5), abs(True), pow(2, -1), pow(2.0, 3), pow(-8, 1/3) if False else 0, 2 ** -2, (-2) ** 0.5 if False else 0)
print(isinstance(True, int), issubclass(bool, int), isinstance(1, (str, int)), type(True).__name__)
print(int('  0x10  ', 16), int('0b11', 0), int('-0o17', 0), int(3.99), int(-3.99), float('  1e3 '), float('-inf'), float('nan') != float('nan'))
print(chr(0x1F600) == '\U0001F600', ord('€'), str(b'abc', 'utf-8'), bytes('é', 'utf-8'), len('é€'))
print(list(zip([1, 2], 'ab', (True,))), list(map(lambda x, y: x * y, [1, 2], [3, 4, 5])), list(filter(None, [0, 1, '', 'a'])))
print(any(x > 2 for x in [1, 2, 3]), all([]), sum([0.1] * 10), sum([[1], [2]], []))
print(repr(1e16), repr(1.0), repr(1e-5), repr(0.1 + 0.2), str(1/3), 1e100, -0.0, 2.5e-7)
for i in range(sys.maxsize - 3, sys.maxsize, 2):
    print(i)
print(list(reversed(range(sys.maxsize - 2, sys.maxsize))))
