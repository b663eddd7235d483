# array equality as MicroPython does it (raw bytes for integer arrays of one item size,
# NotImplementedError otherwise), truthiness, object/pointer arrays and unsigned 64-bit items.
import array
def t(s):
    try:
        print(s, eval(s))
    except Exception as e:
        print(s, type(e).__name__)
t("array.array('b',[1]) == array.array('h',[1])")
t("array.array('b',[1]) == b'\\x01'")
t("array.array('B',[1,2]) == [1,2]")
t("array.array('f',[1]) == array.array('f',[1.0])")
t("array.array('i',[-1]) == array.array('I',[4294967295])")
t("array.array('b',[1]) == array.array('B',[1])")
t("array.array('b',[1,2]) == array.array('b',[1,2])")
t("array.array('h',[1,2]) != array.array('h',[1,3])")
t("array.array('b',[1]) == 1")
t("bool(array.array('i'))")
t("bool(array.array('i',[0]))")
a = array.array('O'); a.append('x'); a.append([1]); print(a[0], a[1], len(a))
t("array.array('Q', [2**64-1])")
t("array.array('q', [-2**63])")
p = array.array('P'); p.append(7); print(p[0])
