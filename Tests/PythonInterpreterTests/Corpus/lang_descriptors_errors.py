# Data descriptors (__set__/__delete__), and errors MicroPython raises for builtin types.
class Logged:
    def __get__(self, obj, cls):
        return 'value of %s' % type(obj).__name__
    def __set__(self, obj, value):
        print('set', type(obj).__name__, value)
        obj.shadow = value
    def __delete__(self, obj):
        print('delete on', type(obj).__name__)

class Holder:
    field = Logged()

h = Holder()
h.field = 42
print(h.field, h.shadow)
del h.field
print(type(Holder.field).__name__)

for attempt in ('del int.to_bytes', "setattr(int, 'to_bytes', 1)", 'del str.join'):
    try:
        exec(attempt)
        print('allowed', attempt)
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, attempt)

for call in ('range(end=3)', 'range(0, stop=3)', 'range(x for x in [])', "b'abc'.split(b'')", "bytearray(b'a').split(b'')"):
    try:
        print(eval(call))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, call)
