b = b"hello\x00\xff"
print(b, len(b), b[0], b[-1], b[1:3], list(b[:3]), b.hex(), bytes.fromhex("41 42"))
print(b"abc" + b"def", b"ab" * 2, b"a" in b"abc", 97 in b"abc", b"abc".find(b"c"), b"a,b".split(b","))
print(bytes(3), bytes([65, 66]), bytes("hé", "utf-8"), b"x".decode(), str(b"ab", "utf-8"))
ba = bytearray(b"abc")
ba[0] = 65; ba.append(68); ba.extend(b"EF"); ba += b"!"
print(ba, len(ba), ba[1], bytes(ba))
ba = ba[1:]
print(ba, bytearray(2), bytearray([1, 2]), bytearray("xy", "utf-8"))
m = memoryview(ba)
print(m[0], bytes(m[1:3]), len(m))
m[0] = 122
print(ba)
print(b"abc" == b"abc", b"abc" < b"abd", b"A".lower(), b" x ".strip(), b"-".join([b"a", b"b"]))
print(b"%d-%s" % (5, b"x"), repr(b"'"), repr(b'"\''), b"\t\n\r\\")
print(hash(b"ab") == hash(b"ab"), {b"k": 1}[b"k"], b"abc".replace(b"b", b"B"), b"aaa".count(b"a"))
print(int.from_bytes(bytes([0, 1]), "big"), b"12".isdigit(), b"ab".upper(), b"Ab".startswith(b"A"))
try:
    b"a"[5]
except IndexError as e:
    print("IndexError", e)
try:
    bytearray(1)[0] = 256
except ValueError as e:
    print("ValueError", e)
for x in b"hi":
    print(x)
print(list(bytearray(b"xy")), tuple(b"z"), sorted(b"cab"))
