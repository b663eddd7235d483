/// Python run after every power-up and soft reset, before boot.py: it gives the interpreter's
/// own modules the board's behaviour (raw `sys.stdout`/`sys.stdin` streams, `os.mount`,
/// `os.uname`), and for CircuitPython removes what that firmware lacks.
enum BoardSetupSource {
    static func text(for personality: BoardPersonality) -> String {
        var source = common
        if personality == .circuitpython { source += circuitPython }
        source += "\ndel _board_setup\n"
        return source
    }

    /// Everything is defined inside one function so the REPL's globals stay empty after set-up.
    private static let common = #"""
def _board_setup():
    import sys, os, _board

    class _RawOut:
        # sys.stdout.buffer: bytes go out unchanged, as on a board's USB/UART console.
        def write(self, data, n=None):
            if isinstance(data, str):
                data = data.encode()
            if n is not None:
                data = bytes(memoryview(data)[:n])
            else:
                data = bytes(data)
            return _board.write_raw(data)

        def flush(self):
            pass

    class _TextOut:
        def __init__(self):
            self.buffer = _RawOut()

        def write(self, s):
            if isinstance(s, str):
                data = s.encode()
            else:
                data = bytes(s)
            _board.write_raw(data)
            return len(s)

        def flush(self):
            pass

    class _RawIn:
        def read(self, n=1):
            out = b""
            while len(out) < n:
                chunk = _board.read_input(n - len(out))
                if not chunk:
                    break
                out += chunk
            return out

        def readinto(self, buf, n=None):
            if n is None:
                n = len(buf)
            got = 0
            mv = memoryview(buf)
            while got < n:
                chunk = _board.read_input(n - got)
                if not chunk:
                    break
                mv[got:got + len(chunk)] = chunk
                got += len(chunk)
            return got

    class _TextIn:
        def __init__(self):
            self.buffer = _RawIn()

        def read(self, n=1):
            return str(self.buffer.read(n), "utf-8")

        def readline(self):
            line = b""
            while True:
                c = self.buffer.read(1)
                if not c:
                    break
                line += c
                if c == b"\n" or c == b"\r":
                    break
            return str(line, "utf-8")

    try:
        sys.stdout = _TextOut()
        sys.stdin = _TextIn()
    except Exception:
        pass

    import vfs
    os.mount = vfs.mount
    os.umount = vfs.umount
    os.VfsFat = vfs.VfsFat
    os.VfsLfs2 = vfs.VfsLfs2

    class _Uname:
        _fields = ("sysname", "nodename", "release", "version", "machine")

        def __init__(self, values):
            self._values = values
            for name, value in zip(self._fields, values):
                setattr(self, name, value)

        def __getitem__(self, index):
            return self._values[index]

        def __len__(self):
            return 5

        def __iter__(self):
            return iter(self._values)

        def __repr__(self):
            return "(" + ", ".join("%s=%r" % (n, v) for n, v in zip(self._fields, self._values)) + ")"

    info = _Uname((sys.platform, sys.platform, _board.release,
                   "v" + _board.release + " on " + _board.build_date, _board.machine))

    def uname():
        return info
    os.uname = uname

_board_setup()
"""#

    private static let circuitPython = #"""

def _board_setup():
    import os, micropython
    for name in ("ilistdir",):
        try:
            delattr(os, name)
        except Exception:
            pass
    try:
        delattr(micropython, "kbd_intr")
    except Exception:
        pass

_board_setup()
"""#
}
