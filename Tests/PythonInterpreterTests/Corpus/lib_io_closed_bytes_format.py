# Closed in-memory streams refuse I/O with MicroPython's ValueError; bytes % uses bytes repr.
import io
for make in (lambda: io.BytesIO(b"data"), lambda: io.StringIO("text")):
    stream = make()
    stream.close()
    for name in ("read", "readline", "getvalue"):
        try:
            getattr(stream, name)()
            print(name, "worked")
        except ValueError as e:
            print(name, "ValueError:", e)
    print("seek", stream.seek(0))
    stream.close()
print(b"%s|%r|%d|%5.1f|%-4x|" % (b"raw", b"quoted", 42, 2.25, 255))
print(b"%c%c!" % (72, 105))
