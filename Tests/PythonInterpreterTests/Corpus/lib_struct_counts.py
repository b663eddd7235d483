# struct counts, zero-count items, native alignment and error cases
import struct
for f in ["0s", "2s", "2H", "0s1s0H2H", "b0H", "bH", "b0i", "3b0q", "0q", "x0d", "bhbi", "@5sI", "<5sI"]:
    print(f, struct.calcsize(f))
print(struct.unpack("0s", b""), struct.pack("0s", b"123"), struct.unpack("2s", b"12"), struct.pack("2s", b"123"))
print(struct.unpack("<2H", b"1234"), struct.pack("<2H", 258, 515))
print(struct.unpack("<0s1s0H2H", b"01234"), struct.pack("<0s1s0H2H", b"abc", b"abc", 258, 515))
print(struct.pack("0s1s0H2H", b"abc", b"abc", 258, 515), struct.unpack("b0H", b"\x01"))
for fn in [lambda: struct.unpack("z", b"1"), lambda: struct.pack("z", (b"1",)), lambda: struct.calcsize("0z"),
           lambda: struct.calcsize("1"), lambda: struct.pack("1"), lambda: struct.pack_into("1", bytearray(4), 0, "xx"),
           lambda: struct.unpack("1", "xx"), lambda: struct.unpack_from("1", "xx"), lambda: struct.unpack("<h", "xy"),
           lambda: struct.pack_into("<h", b"1234", 0, 1), lambda: struct.unpack_from("<h", b"12", 1)]:
    try:
        print(fn())
    except Exception as e:
        print("Exception", type(e).__name__, e)
