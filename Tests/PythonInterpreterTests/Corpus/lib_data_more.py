# struct, binascii, hashlib, heapq and random together
import struct, binascii, hashlib, heapq, random
print(struct.pack("<I", 1), struct.pack(">HH", 1, 2), struct.pack("<bhiq", 1, 2, 3, 4), struct.calcsize("<bhiq"))
print(struct.unpack("<HH", b"\x01\x00\x02\x00"), struct.unpack(">i", b"\xff\xff\xff\xfe"), struct.pack("<2i", 1, 2))
print(struct.pack("<Q", 2**64 - 1), struct.unpack("<q", b"\xff" * 8), struct.pack("<q", -2**63))
print(struct.pack(">d", 1.5), struct.unpack(">f", b"\x3f\xc0\x00\x00"), struct.pack("<e", -2.0))
print(struct.pack("<10s", b"abc"), struct.unpack("<3s2x", b"abcde"), struct.pack("@i", 7))
buf = bytearray(8)
struct.pack_into("<HI", buf, 1, 0xABCD, 0x12345678)
print(buf, struct.unpack_from("<HI", buf, 1), struct.unpack_from(">H", buf, -2))
print(binascii.hexlify(b"\x00\xff"), binascii.hexlify(b"ab", "-"), binascii.unhexlify(b"0aff"))
for t in [b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar", bytes(range(10))]:
    print(binascii.b2a_base64(t), binascii.a2b_base64(binascii.b2a_base64(t)) == t)
print(binascii.crc32(b"The quick brown fox jumps over the lazy dog"), binascii.crc32(b"", 0xFFFFFFFF))
for name in ("sha256", "sha1", "md5"):
    h = getattr(hashlib, name)()
    for i in range(20):
        h.update(bytes([i]) * 37)
    print(name, binascii.hexlify(h.digest()))
print(binascii.hexlify(hashlib.sha256(b"\x00" * 200).digest()))
h = []
for v in [7, 1, 5, 3, 9, 2, 8]:
    heapq.heappush(h, v)
print(h, [heapq.heappop(h) for _ in range(7)])
l = list(range(20, 0, -1))
heapq.heapify(l)
print(l)
random.seed(42)
print([random.getrandbits(16) for _ in range(5)], random.randrange(1000), random.randint(-10, 10))
print(round(random.random(), 12), round(random.uniform(-1, 1), 12), random.choice("xyz"))
random.seed(42)
a = [random.random() for _ in range(5)]
random.seed(42)
print(a == [random.random() for _ in range(5)])
