# deflate and binascii edge cases: stream protocol, argument count, partial reads
import deflate, io, binascii
class R:
    def read(self, n):
        return b""
try:
    print(deflate.DeflateIO(R()).read())
except Exception as e:
    print(type(e).__name__, e)
try:
    deflate.DeflateIO(io.BytesIO(b""), deflate.ZLIB, 0, False, 5)
except Exception as e:
    print(type(e).__name__, e)
data = b"x\x9cK\xcb\xcf\x07\x00\x02\x82\x01E"
d = deflate.DeflateIO(io.BytesIO(data))
print(d.read(0), d.read(2), d.readinto(bytearray(10)), d.read())
print(binascii.hexlify(bytearray(b"\x01\x02")), binascii.hexlify(memoryview(b"\x03")), binascii.unhexlify(""))
for bad in [None, 5]:
    try:
        binascii.hexlify(bad)
    except TypeError as e:
        print("TypeError", e)
print(binascii.crc32(b"abc", -1), binascii.crc32(b"abc", 2**32 + 5), binascii.a2b_base64(b"Zm9v\n"), binascii.b2a_base64(b"\xff\xfe"))
