import Foundation

/// The MicroPython program uremote sends to the board to mount a host folder at `/remote`.
///
/// It is ours, small, and written for MicroPython 1.20+ on boards with little RAM: one closure
/// (`_uremote_mount`) keeps everything out of the user's globals, a request costs one round trip,
/// stats are answered from directory listings the host pushes, files are read in large blocks and
/// writes are buffered. The wire format is `MountWire`'s; keep both in step.
enum MountAgentSource {
    /// The agent as sent: comments and indentation squeezed, since every byte crosses the link.
    static func code(token: [UInt8], mountPoint: String = MountWire.mountPoint) -> String {
        let tokenLiteral = token.map { "\\x" + hex($0) }.joined()
        let body = squeezed(template)
            .replacingOccurrences(of: "@TOKEN@", with: tokenLiteral)
            .replacingOccurrences(of: "@TOKSUM@", with: String(token.reduce(0) { $0 + Int($1) }))
            .replacingOccurrences(of: "@BLOCK@", with: String(MountWire.readBlock))
            .replacingOccurrences(of: "@TTL@", with: String(MountWire.listingLifetimeMilliseconds))
            .replacingOccurrences(of: "@MP@", with: mountPoint)
            .replacingOccurrences(of: "@WBITS@", with: String(RawDeflate.windowBits))
            .replacingOccurrences(of: "@INFLATES@", with: inflatesMark)
        return body + "\n_uremote_mount()\n"
    }

    /// The agent deflated and wrapped in a loader, about half the bytes on the wire (which is
    /// what mounting costs on a UART); firmware without `deflate` prints `plainMark` instead and
    /// gets `code(token:)` as is.
    static func compressedLoader(token: [UInt8], mountPoint: String = MountWire.mountPoint) -> String? {
        guard let packed = RawDeflate.compress(Array(code(token: token, mountPoint: mountPoint).utf8)) else { return nil }
        let text = Data(packed).base64EncodedString()
        return "try:\n import deflate,io,binascii\nexcept ImportError:\n print('\(plainMark)')\nelse:\n"
            + " exec(deflate.DeflateIO(io.BytesIO(binascii.a2b_base64(b'\(text)')),deflate.RAW,\(RawDeflate.windowBits)).read())\n"
    }

    /// What the loader prints when the board cannot inflate.
    static let plainMark = "uremote-mount:plain"

    /// What the agent prints when mounted on firmware that can inflate deflated answers.
    static let inflatesMark = "uremote-mount:inflates"

    /// Unmounts, leaves the folder if the board was in it, and forgets the agent.
    static func unmountCode(mountPoint: String = MountWire.mountPoint) -> String {
        """
        import os
        try:
         if os.getcwd().startswith('\(mountPoint)'):os.chdir('/')
        except OSError:pass
        try:os.umount('\(mountPoint)')
        except OSError:pass
        globals().pop('_uremote_mount',None)
        """
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
    }

    /// Drops comment lines and turns each indentation step into one space.
    static func squeezed(_ source: String) -> String {
        var lines: [String] = []
        for line in source.split(separator: "\n", omittingEmptySubsequences: true) {
            let stripped = line.drop(while: { $0 == " " })
            if stripped.hasPrefix("#") { continue }
            let depth = (line.count - stripped.count) / 4
            lines.append(String(repeating: " ", count: depth) + stripped)
        }
        return lines.joined(separator: "\n")
    }

    // Op numbers match MountOp; statuses are MicroPython errno values.
    private static let template = #"""
def _uremote_mount():
    import os, sys, io, select, struct, time, micropython
    K = b'\x18\xa7@TOKEN@'
    B = @BLOCK@
    # answers may come deflated (status 255) when this firmware can inflate them
    try:
        import deflate
        def Z(r):
            return deflate.DeflateIO(io.BytesIO(r), deflate.RAW, @WBITS@).read()
    except ImportError:
        Z = None
    # one request: header, arguments, optional data; returns the answer's payload
    class Link:
        def __init__(s):
            s.i = sys.stdin.buffer
            s.o = sys.stdout.buffer
            s.p = select.poll()
            s.p.register(s.i, select.POLLIN)
            s.h = bytearray(K + b'\0\0\0\0')
            s.b = bytearray(5)
        def rd(s, b, n):
            m = memoryview(b)
            g = 0
            while g < n:
                if not s.p.poll(10000):
                    raise OSError(110)
                g += s.i.readinto(m[g:n])
        def hd(s, op, n):
            h = s.h
            h[6] = op
            h[7] = n & 255
            h[8] = n >> 8
            h[9] = (@TOKSUM@ + op + h[7] + h[8]) & 255 ^ 165
            s.o.write(h)
        def q(s, op, a, d=None):
            x = 0
            k = bytearray()
            micropython.kbd_intr(-1)
            try:
                s.hd(op, len(a) + (len(d) if d else 0))
                s.o.write(a)
                if d:
                    s.o.write(d)
                b = s.b
                w = 0
                # keys typed before the answer are set aside (a Ctrl-C remembered) and handed
                # back to the host, which sends them again once the answer is in
                while w < 2:
                    s.rd(b, 1)
                    c = b[0]
                    if w and c == 167:
                        w = 2
                    else:
                        if w:
                            k.append(24)
                        w = 0
                        if c == 24:
                            w = 1
                        elif c == 3:
                            x = 1
                        else:
                            k.append(c)
                s.rd(b, 5)
                e = b[0]
                n = b[1] | b[2] << 8 | b[3] << 16 | b[4] << 24
                r = bytearray(n)
                s.rd(r, n)
                s.hd(12, len(k))
                s.o.write(k)
            finally:
                micropython.kbd_intr(3)
            if x:
                raise KeyboardInterrupt
            if e == 255:
                return Z(r)
            if e:
                raise OSError(e)
            return r
    L = Link()
    def ls(b, i):
        r = {}
        n = len(b)
        while i < n:
            m, z, t, k = struct.unpack_from('<IIIB', b, i)
            i += 13
            r[str(b[i:i + k], 'utf8')] = (m, z, t)
            i += k
        return r
    def st(m, z, t):
        return (m, 0, 0, 0, 0, 0, z, t, t, t)
    class File(io.IOBase):
        def __init__(f, v, h, z, d, t, p, m):
            f.v = v
            f.h = h
            f.z = z
            f.d = d
            f.s = 0
            f.t = t
            f.p = p
            f.w = None
            f.c = 0
            f.m = m
        def _fill(f, n):
            f._fl()
            if f.p >= f.s and f.p < f.s + len(f.d):
                return 1
            if f.h == 0 or f.p >= f.z:
                return 0
            f.d = L.q(4, struct.pack('<III', f.h, f.p, max(B, min(n, 16384))))
            f.s = f.p
            return len(f.d)
        def readinto(f, m):
            n = len(m)
            if not n or not f._fill(n):
                return 0
            o = f.p - f.s
            k = min(n, len(f.d) - o)
            try:
                m[:k] = f.d[o:o + k]
            except Exception:
                # ports built without slice assignment
                for i in range(k):
                    m[i] = f.d[o + i]
            f.p += k
            return k
        def read(f, n=-1):
            if n is None or n < 0:
                n = max(0, f.z - f.p)
            b = bytearray(n)
            m = memoryview(b)
            k = 0
            while k < n:
                r = f.readinto(m[k:])
                if not r:
                    break
                k += r
            b = bytes(m[:k])
            return str(b, 'utf8') if f.t else b
        def readline(f, n=-1):
            r = b''
            while f._fill(B):
                o = f.p - f.s
                i = f.d.find(b'\n', o)
                e = i + 1 if i >= 0 else len(f.d)
                r += f.d[o:e]
                f.p += e - o
                if i >= 0:
                    break
            return str(r, 'utf8') if f.t else r
        def readlines(f):
            return list(f)
        def __iter__(f):
            return f
        def __next__(f):
            l = f.readline()
            if not l:
                raise StopIteration
            return l
        def write(f, b):
            if f.h < 0:
                raise OSError(9)
            if isinstance(b, str):
                b = b.encode()
            if f.w is None:
                f.w = bytearray()
                f.ws = f.p
            f.w += b
            f.p += len(b)
            if f.p > f.z:
                f.z = f.p
            if len(f.w) >= B:
                f._fl()
            return len(b)
        def _fl(f):
            w = f.w
            if w:
                f.w = None
                f.d = b''
                m = memoryview(w)
                for i in range(0, len(w), B):
                    L.q(5, struct.pack('<II', f.h, f.ws + i), m[i:i + B])
            f.w = None
        def flush(f):
            f._fl()
        def seek(f, o, w=0):
            f._fl()
            f.p = max(0, o + (f.p if w == 1 else f.z if w == 2 else 0))
            return f.p
        def tell(f):
            return f.p
        def close(f):
            if f.c:
                return
            try:
                f._fl()
            finally:
                f.c = 1
                if f in f.v.o:
                    f.v.o.remove(f)
                if f.h > 0:
                    L.q(6, struct.pack('<I', f.h))
                f.h = -1
                if f.m:
                    f.v.k = {}
        def ioctl(f, r, a):
            if r == 4:
                f.close()
            if r == 1:
                f._fl()
            return 0
        def __enter__(f):
            return f
        def __exit__(f, *a):
            f.close()
    class Vfs:
        def __init__(v):
            v.c = '/'
            v.k = {}
            v.kt = 0
            v.o = []
        def mount(v, r, m):
            pass
        def umount(v):
            # Files a program left open for writing are closed, so what it wrote lands.
            for f in list(v.o):
                try:
                    f.close()
                except Exception:
                    pass
        def _p(v, p):
            p = p if p[:1] == '/' else v.c + p
            return p.rstrip('/') or '/'
        def chdir(v, p):
            p = v._p(p)
            if not v.stat(p)[0] & 0x4000:
                raise OSError(20)
            v.c = p if p == '/' else p + '/'
        def getcwd(v):
            return v.c if v.c == '/' else v.c[:-1]
        def stat(v, p):
            p = v._p(p)
            if p == '/':
                return st(0x4000, 0, 0)
            i = p.rfind('/')
            d = p[:i] or '/'
            k = v.k
            if k and time.ticks_diff(time.ticks_ms(), v.kt) > @TTL@:
                k = v.k = {}
            c = k.get(d)
            if c is not None:
                e = c.get(p[i + 1:])
                if e is None:
                    raise OSError(2)
                if e[0]:
                    return st(*e)
            r = L.q(1, bytes([c is None]) + p.encode())
            if r[13]:
                if not k:
                    v.kt = time.ticks_ms()
                k[d] = ls(r, 14)
            if r[0]:
                raise OSError(r[0])
            return st(*struct.unpack_from('<III', r, 1))
        def ilistdir(v, p):
            p = v._p(p)
            for n, e in ls(L.q(2, p.encode()), 0).items():
                yield (n, e[0] & 0xF000, 0, e[1])
        def open(v, p, m):
            t = 'b' not in m
            w = m.replace('b', '').replace('t', '')
            if w[:1] != 'r':
                v.k = {}
            r = L.q(3, (w + '\0' + v._p(p)).encode())
            h, z = struct.unpack_from('<II', r)
            f = File(v, h, z, r[8:], t, z if w[:1] == 'a' else 0, w[:1] != 'r' or '+' in w)
            if f.m:
                v.o.append(f)
            return f
        def _do(v, op, p):
            v.k = {}
            L.q(op, p.encode())
        def remove(v, p):
            v._do(7, v._p(p))
        def rename(v, a, b):
            v._do(8, v._p(a) + '\0' + v._p(b))
        def mkdir(v, p):
            v._do(9, v._p(p))
        def rmdir(v, p):
            v._do(10, v._p(p))
        def statvfs(v, p):
            return struct.unpack('<10I', L.q(11, v._p(p).encode()))
    try:
        os.umount('@MP@')
    except OSError:
        pass
    os.mount(Vfs(), '@MP@')
    os.chdir('@MP@')
    print('@INFLATES@' if Z else '')
"""#
}
