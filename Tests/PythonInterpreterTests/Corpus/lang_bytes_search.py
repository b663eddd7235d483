# find/index/rfind/count on bytes and bytearray honour start and end like slices
b = bytearray(b'ab\x10cd\x10ef')
print(b.find(b'\x10', 0, 2), b.find(b'\x10', 3, 8), b.find(b'\x10', 3), b.find(b'\x10', -3))
print(b.rfind(b'\x10', 0, 5), b.rfind(b'\x10'), b.rfind(b'\x10', 6))
print(b.count(b'\x10', 0, 3), b.count(b'\x10'), b.count(b'\x10', 3, 5))
x = b'hello world hello'
print(x.find(b'hello', 1), x.find(b'hello', 1, 16), x.find(b'lo', -5), x.find(b'', 4), x.find(b'o', 5, 4))
print(x.index(b'world', 0, 11))
try:
    x.index(b'world', 0, 10)
except ValueError as e:
    print('ValueError', e)
print(x.count(b'l', 3, -3), x.rfind(b'hello', 0, 16))
