# array item sizes of the 64-bit unix port (l/L are 8 bytes) and silent truncation of
# out-of-range values, as MicroPython stores them.
from array import array
def test_array_overflow(typecode, val):
    try:
        print(array(typecode, [val]))
    except OverflowError:
        print('OverflowError')
for tc in 'QLIHB':
    test_array_overflow(tc, -2**64 // 2**64)
for tc in 'qlihb':
    test_array_overflow(tc, 2**63)
for tc, v in [('B', 256), ('b', -129), ('H', -1), ('h', 40000), ('I', -1), ('i', 2**31), ('B', -1)]:
    test_array_overflow(tc, v)
print(len(bytes(array('l', [1, 2]))), len(bytes(array('L', [1]))), len(bytes(array('i', [1]))))
