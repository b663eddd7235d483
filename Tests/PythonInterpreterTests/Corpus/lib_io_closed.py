# A closed BytesIO/StringIO refuses reads and writes with MicroPython's ValueError, while seek,
# tell, flush and close still answer.
import io
for cls, init in ((io.BytesIO, b'abc'), (io.StringIO, 'abc')):
    s = cls(init)
    s.close()
    for name, f in (('read', lambda: s.read()), ('write', lambda: s.write(init)), ('getvalue', lambda: s.getvalue()), ('seek', lambda: s.seek(0)), ('tell', lambda: s.tell()), ('readline', lambda: s.readline()), ('flush', lambda: s.flush()), ('close', lambda: s.close())):
        try:
            print(cls.__name__, name, repr(f()))
        except Exception as e:
            print(cls.__name__, name, type(e).__name__, e)
