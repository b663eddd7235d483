# struct: MicroPython's subset, sizes, wrapping and errors
import struct

for fmt in ['b', 'B', 'h', 'H', 'i', 'I', 'l', 'L', 'q', 'Q', 'e', 'f', 'd', 's', 'P', 'x', '<hb', '>hb', '@hb',
            '!I', '3s', '2h', '0s', 'bi', '@bq', '<bq', '10x', '2x3b', '', '<l', '@bd', '@bhd', '@b2h']:
    print(repr(fmt), struct.calcsize(fmt))
for bad in ['?', '=hb', 'z', '<<h', 'h<', ' h', '3']:
    try:
        struct.calcsize(bad)
    except ValueError as e:
        print(repr(bad), 'ValueError', e)

tests = [('<h', (1,)), ('>H', (65535,)), ('<b', (200,)), ('<B', (-1,)), ('<B', (256,)), ('>i', (-2,)),
         ('<q', (2 ** 63 - 1,)), ('<Q', (2 ** 64 - 1,)), ('<f', (1.5,)), ('>d', (0.1,)), ('<3s', (b'abcdef',)),
         ('<5s', (b'ab',)), ('<2x', ()), ('<f', (1,)), ('@bi', (1, 2)), ('<I', (-1,)), ('>e', (1.5,)),
         ('<e', (65504.0,)), ('<hh', (1, 2)), ('>2b3s', (1, 2, b'xyz'))]
for fmt, args in tests:
    print(fmt, args, struct.pack(fmt, *args))
for fmt, args in [('<h', (1.5,)), ('<h', ('a',)), ('<d', ('a',)), ('<s', (5,))]:
    try:
        struct.pack(fmt, *args)
    except TypeError as e:
        print(fmt, 'TypeError', e)

print(struct.unpack('<hH', b'\xff\xff\xff\xff'), struct.unpack('>q', b'\x80' + b'\x00' * 7))
print(struct.unpack('<3sb', b'abc\x05'), struct.unpack('<f', struct.pack('<f', 0.1)))
print(struct.unpack('<d', struct.pack('<d', 0.1)), struct.unpack('<e', b'\x00\x3c'))
print(struct.unpack('<h', b'\x01\x02\x03'), struct.unpack('<2h', bytearray(b'\x01\x00\x02\x00')))
try:
    struct.unpack('<h', b'\x01')
except ValueError as e:
    print('ValueError', e)
print(struct.unpack_from('<h', b'\x00\x01\x02', 1), struct.unpack_from('<h', b'\x00\x01\x02\x03'))
for off in [-2, 2, 5, -5]:
    try:
        print(off, struct.unpack_from('<h', b'\x00\x01\x02\x03', off))
    except ValueError as e:
        print(off, 'ValueError', e)
ba = bytearray(6)
struct.pack_into('<hh', ba, 1, 1, 2)
print(ba)
for off in [-2, 5]:
    try:
        struct.pack_into('<h', ba, off, 7)
        print(off, ba)
    except ValueError as e:
        print(off, 'ValueError', e)
