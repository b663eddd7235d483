# Integer edge cases at the machine-word limits, and MicroPython's hash of big ints (value
# modulo 2**63 as a 63-bit signed number), which decides their place in sets and dicts.
import sys
print(hash(2**62-1), hash(2**62), hash(2**63-1), hash(-2**62), hash(-2**62-1), hash(2**64), hash(2**70+5), hash(-(2**70+5)), hash(12345678901234567890), hash(-sys.maxsize - 1), hash(sys.maxsize))
print({2**62: 1, 2**62+1: 2, 5: 3}, {2**64 + 3, 1, 2, -2**63})
M = sys.maxsize
N = -M - 1
cases = ['M + 1', 'N - 1', 'M * 2', 'N * -1', '-N', 'abs(N)', 'N // -1', 'N % -1', 'divmod(N, -1)', 'M << 1', '1 << 63', '1 << 64', '-1 << 63', 'N >> 1', 'N >> 64', '~N', 'M ** 2', '(-2) ** 63', '2 ** 63', 'N * N', 'int(str(N))', 'hash(N)', 'N.to_bytes(8, "big")', 'int.from_bytes(b"\\x80" + bytes(7), "big")', 'round(N, -1)', 'round(M, -2)', '[0] * -M', "'ab' * 0", 'range(N + 1, M)[M - 1]', 'abs(-M)', 'float(N)', 'int(float(M))', 'M // 7 * 7', 'N % 7', '-(N + 1)', 'bin(N)', 'hex(N)', "'%d' % N", "'{:x}'.format(N)", 'N == float(N)', 'N < 2 ** 64', 'sum([M, M, M])', 'max(M, M + 1)', 'sorted([M, N, 0, M + 1])', 'bytes([255]) * 3', 'len(range(0, M, M))', 'range(0, M, M)[1] if len(range(0, M, M)) > 1 else 0', 'N // 3', 'N % 3', 'pow(N, 2, 7)', 'pow(2, N, 7) if False else 0', 'divmod(M, N)', '1 // N', 'N ^ M', 'N & M', 'N | M']
for c in cases:
    try:
        print(c, eval(c))
    except Exception as e:
        print(c, type(e).__name__, e)
