# integer arithmetic, big ints, division semantics
print(1 + 2, 3 - 5, 4 * 6, 7 / 2, 7 // 2, 7 % 3)
print(-7 // 2, -7 % 2, 7 // -2, 7 % -2, -7 // -2, -7 % -2)
print(2 ** 10, 2 ** 64, 2 ** 100, (-2) ** 63, 3 ** 40)
print(1 << 70, (1 << 70) >> 68, -1 >> 3, 12345678901234567890 // 7)
print(0xff, 0o17, 0b1011, 1_000_000, 0xFF_FF)
print(123456789 * 987654321, 99999999999 * 99999999999)
print(-(2 ** 63), 2 ** 63 - 1, -(-(2 ** 63)))
print(9223372036854775807 + 1, -9223372036854775808 - 1)
print(abs(-5), abs(-2 ** 70), divmod(17, 5), divmod(-17, 5), divmod(17, -5))
print(pow(3, 4), pow(3, 4, 5), pow(2, 100, 1000000007), pow(-3, 3))
print(5 & 3, 5 | 3, 5 ^ 3, ~5, ~-1, -5 & 0xff)
print((2 ** 80) & (2 ** 80 - 1), (2 ** 80) | 1, (2 ** 80) ^ (2 ** 79))
print(int("123"), int("-0x1f", 16), int("777", 8), int("  42  "), int("1010", 2), int("z", 36))
print(int(3.9), int(-3.9), int(True), int("1" * 30))
print(bin(10), oct(64), hex(255), hex(-255), bin(-5), hex(2 ** 70))
print(10 == 10.0, 2 ** 64 == 2.0 ** 64, 1 < 2 < 3, 3 > 2 > 2)
print(True + True, True * 10, False - 1)
print(round(7, -1), round(15, -1), round(25, -1), round(123456, -2))
x = 10
x += 5; x -= 3; x *= 2; x //= 5; x **= 3; x %= 7
print(x)
big = 1
for i in range(1, 30):
    big *= i
print(big, big % 1000007, big // 10 ** 20)
print((10 ** 30) // (10 ** 15), (10 ** 30) % 7, -(10 ** 30) // 7)
try:
    print(1 // 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    print(5 % 0)
except ZeroDivisionError:
    print("mod zero")
print(int.from_bytes(b"\x01\x02", "big"), int.from_bytes(b"\x01\x02", "little"))
print((258).to_bytes(2, "big"), (258).to_bytes(4, "little"))
