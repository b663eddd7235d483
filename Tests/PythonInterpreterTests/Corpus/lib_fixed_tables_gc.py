# Firmware tables and gc settings as MicroPython reports them: errno.errorcode refuses changes
# with TypeError, gc.threshold is kept in whole 16-byte blocks.
import errno
for code in ("errno.errorcode.popitem()", "errno.errorcode.pop(0)", "errno.errorcode.setdefault(0, 0)", "errno.errorcode.update([(1, 2)])", "errno.errorcode.__delitem__(1)", "errno.errorcode.__setitem__(1, 'foo')", "errno.errorcode.clear()"):
    try:
        exec(code)
        print('ok', code)
    except Exception as e:
        print(type(e).__name__, e)
print(errno.errorcode[1], len(errno.errorcode) > 5, type(errno.errorcode))
import gc
print(gc.threshold(), gc.threshold(1), gc.threshold(), gc.threshold(100), gc.threshold(), gc.threshold(-5), gc.threshold())
