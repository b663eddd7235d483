with open("data.txt", "w") as f:
    f.write("line one\n")
    f.write("line two\n")
    n = f.write("three")
print("wrote", n)
with open("data.txt") as f:
    print(repr(f.read()))
with open("data.txt") as f:
    print(f.readline(), end="")
    print(f.readlines())
with open("data.txt", "a") as f:
    f.write("\nappended")
for line in open("data.txt"):
    print("L:", line.rstrip())
with open("data.bin", "wb") as f:
    f.write(b"\x00\x01\x02")
with open("data.bin", "rb") as f:
    print(f.read(), type(f.read()).__name__)
with open("helper_mod.py", "w") as f:
    f.write("VALUE = 42\ndef double(x):\n    return 2 * x\nprint('helper imported')\n")
import helper_mod
import helper_mod as hm
from helper_mod import double, VALUE
print(helper_mod.VALUE, hm.double(4), double(5), VALUE, helper_mod is hm)
import os
os.mkdir("pkg")
with open("pkg/__init__.py", "w") as f:
    f.write("NAME = 'pkg'\n")
with open("pkg/sub.py", "w") as f:
    f.write("from . import NAME\nWHO = NAME + '.sub'\n")
import pkg.sub
print(pkg.NAME, pkg.sub.WHO)
from pkg.sub import WHO
print(WHO)
print(sorted(os.listdir()), "data.txt" in os.listdir("."))
st = os.stat("data.bin")
print(st[6], st[0] & 0x8000 != 0)
os.rename("data.bin", "renamed.bin")
os.remove("renamed.bin")
print("renamed.bin" in os.listdir())
try:
    open("missing.txt")
except OSError as e:
    print("OSError", e.args[0], e)
try:
    import no_such_module_xyz
except ImportError as e:
    print("ImportError", e)
import sys
print("helper_mod" in sys.modules, type(sys.argv).__name__, sys.byteorder, sys.maxsize > 2 ** 31)
import io
s = io.StringIO()
s.write("abc")
s.write("def")
print(s.getvalue())
bio = io.BytesIO(b"xyz")
print(bio.read(2), bio.read(), bio.read())
s2 = io.StringIO("a\nb\n")
print(s2.readline(), s2.readline(), s2.readline())
print(s2.getvalue() == "a\nb\n")
