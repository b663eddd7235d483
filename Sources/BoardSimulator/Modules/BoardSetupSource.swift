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

    mounts = {}

    def mount(vfs, mount_point, *, readonly=False, mkfs=False):
        point = mount_point if mount_point.startswith("/") else "/" + mount_point
        while len(point) > 1 and point.endswith("/"):
            point = point[:-1]
        if point == "/" or point in mounts:
            raise OSError(1)
        if hasattr(vfs, "mount"):
            vfs.mount(readonly, mkfs)
        mounts[point] = vfs
        _board.vfs_mounted(point)

    def umount(target):
        for point in list(mounts):
            if point == target or mounts[point] is target:
                vfs = mounts.pop(point)
                _board.vfs_unmounted(point)
                if hasattr(vfs, "umount"):
                    vfs.umount()
                try:
                    if os.getcwd() == point or os.getcwd().startswith(point + "/"):
                        os.chdir("/")
                except Exception:
                    pass
                return
        raise OSError(22)

    def dispatch(op, point, *args):
        vfs = mounts[point]
        if op == "stat":
            st = vfs.stat(args[0])
            return (st[0], st[6], st[8])
        if op == "list":
            return [entry[0] for entry in vfs.ilistdir(args[0])]
        if op == "open":
            return vfs.open(args[0], args[1])
        if op == "mkdir":
            return vfs.mkdir(args[0])
        if op == "rmdir":
            return vfs.rmdir(args[0])
        if op == "remove":
            return vfs.remove(args[0])
        if op == "rename":
            return vfs.rename(args[0], args[1])
        if op == "statvfs":
            return vfs.statvfs(args[0])
        f = args[0]
        if op == "read":
            return f.read(args[1])
        if op == "write":
            return f.write(args[1])
        if op == "seek":
            return f.seek(args[1], args[2])
        if op == "flush":
            if hasattr(f, "flush"):
                f.flush()
            return None
        if op == "close":
            return f.close()
        raise OSError(22)

    _board.vfs_dispatcher(dispatch)
    os.mount = mount
    os.umount = umount

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
