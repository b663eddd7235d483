# memoryview over typed arrays works in elements, slice assignment copies bytes.
from array import array

words = array('h', [-2, 300, 7, -32768])
view = memoryview(words)
print(len(view), list(view), view[1], view[-1], list(view[1:3]))
view[0] = 99
print(words, list(view[2:]), bytes(view[1:2]))

longs = array('I', [1, 2, 3, 4, 5, 6])
mv = memoryview(longs)
mv[2:] = mv[:-2]            # overlapping copy towards the end
print(longs)
mv[:3] = array('I', [7, 8, 9])
print(longs)
for bad in (b'12', memoryview(bytearray(8))[0:3]):
    try:
        mv[0:1] = bad
    except ValueError:
        print('ValueError', len(bad))

raw = bytearray(b'abcdef')
rv = memoryview(raw)
rv[1:4] = b'XYZ'
print(raw, list(rv[4:]))
for expr in ("rv + b'x'", "rv * 2"):
    try:
        eval(expr)
    except TypeError:
        print('TypeError', expr)
try:
    rv += b'x'
except TypeError:
    print('TypeError +=')
print(memoryview(array('b', [1, -1])) == b'\x01\xff')
