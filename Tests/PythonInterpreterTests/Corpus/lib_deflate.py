# deflate.DeflateIO decompression in every format
import deflate
import io

print(deflate.AUTO, deflate.RAW, deflate.ZLIB, deflate.GZIP)
raw = b'KLJ\x06\x00'
zl = b'\x78\x9c\x4b\x4c\x4a\x06\x00\x02\x4d\x01\x27'
gz = b'\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03KLJ\x06\x00\xc2A$5\x03\x00\x00\x00'
for name, data in [('raw', raw), ('zlib', zl), ('gzip', gz)]:
    for fmt in [deflate.AUTO, deflate.RAW, deflate.ZLIB, deflate.GZIP]:
        try:
            print(name, fmt, deflate.DeflateIO(io.BytesIO(data), fmt).read())
        except OSError as e:
            print(name, fmt, 'OSError', e)
r = deflate.DeflateIO(io.BytesIO(zl))
print(r.read(1), r.read(), r.read())
for bad in [b'garbage!', zl[:4], zl[:-4], b'']:
    try:
        print(deflate.DeflateIO(io.BytesIO(bad)).read())
    except OSError as e:
        print('OSError', e)
    except EOFError:
        print('EOFError')
r = deflate.DeflateIO(io.BytesIO(zl), deflate.ZLIB, 8)
buf = bytearray(2)
print(r.readinto(buf), buf, r.readline())
for args in [(9,), (0, 16), (0, 5)]:
    try:
        print(args, deflate.DeflateIO(io.BytesIO(zl), *args).read())
    except ValueError as e:
        print(args, 'ValueError', e)
stream = io.BytesIO(zl)
with deflate.DeflateIO(stream, deflate.AUTO, 0, True) as d:
    print(d.read())
try:
    d.read()
except OSError as e:
    print('OSError', e)
lines = b'x\xda\xcbH\xcd\xc9\xc9\xe7*\xcf/\xcaI\xe1\xe2J\xcdK\x01\x001\xb3\x05\x92'
d = deflate.DeflateIO(io.BytesIO(lines))
print(d.readline(), d.readline(), d.readline(), d.readline())
print(deflate.DeflateIO(io.BytesIO(zl + b'trailing')).read())
