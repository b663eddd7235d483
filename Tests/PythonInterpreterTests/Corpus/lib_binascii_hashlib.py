# binascii and hashlib
import binascii
import hashlib

print(binascii.hexlify(b'\x01\xab'), binascii.hexlify(b'\x01\xab\xff', ':'), binascii.hexlify(b'', '-'))
print(binascii.hexlify(b'ab', b'--'), binascii.unhexlify('01aB'), binascii.unhexlify(b'ff'))
for bad in ['0', 'zz', '012']:
    try:
        binascii.unhexlify(bad)
    except ValueError as e:
        print(repr(bad), 'ValueError', e)
print(binascii.b2a_base64(b'hello'), binascii.b2a_base64(b'hello', newline=False), binascii.b2a_base64(b''))
for text in ['aGVsbG8=', b'aGVs\nbG8=', 'aGVsbG8==x', '!!!!', '====', 'YQ==', 'YQ===', 'YWJj', '']:
    print(repr(text), binascii.a2b_base64(text))
for bad in ['a', 'aGVsbG8', 'ab=c', 'YQ=']:
    try:
        binascii.a2b_base64(bad)
    except ValueError as e:
        print(repr(bad), 'ValueError', e)
print(binascii.crc32(b'hello'), binascii.crc32(b'world', binascii.crc32(b'hello ')), binascii.crc32(b''))
print(binascii.crc32(b'a', 0xffffffff), binascii.crc32(bytearray(b'xyz')))
for n in range(0, 70, 7):
    data = bytes(range(n))
    assert binascii.a2b_base64(binascii.b2a_base64(data)) == data
    assert binascii.unhexlify(binascii.hexlify(data)) == data
print('roundtrips ok')

for name in ['sha256', 'sha1', 'md5']:
    ctor = getattr(hashlib, name)
    h = ctor(b'abc')
    print(name, binascii.hexlify(h.digest()))
    h = ctor()
    h.update(b'a')
    h.update(b'bc')
    print(name, binascii.hexlify(h.digest()))
    try:
        h.update(b'x')
    except ValueError as e:
        print('ValueError', e)
    try:
        h.digest()
    except ValueError as e:
        print('ValueError', e)
print(binascii.hexlify(hashlib.sha256(b'x' * 1000).digest()))
print(hashlib.sha256('abc').digest() == hashlib.sha256(b'abc').digest())
try:
    hashlib.sha256(5)
except TypeError as e:
    print('TypeError', e)
