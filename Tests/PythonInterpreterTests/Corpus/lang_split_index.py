# Splitting with limits keeps the rest as written; bytes split like str; index windows.
print("  one two   three  ".split(None, 1), "x  y ".split(None, 1), "k v".split(None, 0))
print("a::b::c".rsplit("::", 1), "a b\tc".rsplit())
try:
    "a b c".rsplit(None, 1)
except NotImplementedError as e:
    print("NotImplementedError", e)
data = b"k1=v1;k2=v2;;k3"
print(data.rsplit(b";", 2), data.rsplit(b";"), bytearray(b"a-b-c").rsplit(b"-", 1))
print(b"l1\nl2\r\nl3\rl4".splitlines(), b"l1\r\n\nend\n".splitlines(True), bytearray(b"x\ny").splitlines())
t = (5, 6, 5, 6, 5)
print(t.index(5), t.index(5, 1), t.index(6, -2), t.index(5, 1, 3))
for args in ((6, 4), (5, 1, 2), (7,)):
    try:
        print(t.index(*args))
    except ValueError:
        print("ValueError", args)
print([1, 2, 1].index(1, 1), [3, 4].index(4, -1))
