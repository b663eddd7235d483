# bytes % formatting and bytes/bytearray methods as MicroPython has them.
print(b'%s|%r|%d|%x|%5s|%-4s|%c|%c|%%|%.2f' % (b'ab', b'q', 3, 255, b'x', 'y', 65, 'Z', 1.5))
print(b'%s' % b'\xff\x00', b'%s' % 'caf\xe9', b'%r' % 'caf\xe9', b'<%r>' % (b'it\'s',))
try:
    b'%c' % b'Z'
except TypeError as e:
    print('TypeError', e)
for data in (b'key=value=more', bytearray(b'no separator')):
    print(data.partition(b'='), data.rpartition(b'='))
print(b'prefix-body'.startswith(b'body', 7), b'prefix-body'.startswith(b'pre', 1), bytearray(b'xxabc').endswith(b'ab', 0, 4))
print(b'ABC1'.isupper(), b'abc-'.islower(), b'123'.isupper(), bytearray(b'Ab').islower())
for text in ('de ad be ef', '\tdead\nbeef ', 'd e', 'dea'):
    try:
        print(bytes.fromhex(text))
    except ValueError:
        print('ValueError', repr(text))
print(memoryview(b'\x01\xab').hex(), memoryview(b'\x01\xab').hex('-'), bytearray(b'\x10\x20').hex(':'))
s = b'  keep  '
print(s.strip() is s, s.strip(b'x') is s, 'same'.strip() == 'same', b'x'.join([b'a', b'b']))
