# A program may replace builtins.__build_class__ and builtins.__import__; class and import
# statements then go through the replacement, as in MicroPython.
import builtins

saved_build = __build_class__
builtins.__build_class__ = lambda body, name, *bases: ('built', name, len(bases))
class Plain:
    pass
class Derived(int, str):
    pass
print(Plain, Derived)
builtins.__build_class__ = saved_build

class Real:
    pass
print(type(Real), Real.__name__)

saved_import = builtins.__import__
def fake_import(name, globals=None, locals=None, fromlist=None, level=0):
    print('import', name, fromlist, level)
    class Module:
        x = 10
        y = 20
        class sub:
            z = 30
    return Module
builtins.__import__ = fake_import
import anything
import pkg.sub as s
from pkg import x, y
from . import x
from ..rel import y as why
print(anything.x, s.z, x, why)
builtins.__import__ = saved_import
import sys
print(sys.__name__)
