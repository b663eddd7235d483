/// `vfs` (and what `os.mount`/`os.umount` become): the mount table of filesystems written in
/// Python, such as mpremote's RemoteFS. Swift's `BoardFileSystem` routes paths under a mount
/// point back here through `_dispatch`.
enum VfsModuleSource {
    static var text: String { mountTable + "\n\n" + VfsFatSource.text }

    private static let mountTable = #"""
import _board


class VfsLfs2:
    # The built-in flash, as vfs.mount() reports it.
    def __init__(self, *args, **kwargs):
        pass

    def __repr__(self):
        return "<VfsLfs2>"

    def __str__(self):
        return "<VfsLfs2>"


_root = VfsLfs2()
_mounts = {}


def _normalize(mount_point):
    point = mount_point if mount_point.startswith("/") else "/" + mount_point
    while len(point) > 1 and point.endswith("/"):
        point = point[:-1]
    return point


def mount(*args, readonly=False, mkfs=False):
    if not args:
        return [(_root, "/")] + [(v, p) for p, v in _mounts.items()]
    vfs, mount_point = args[0], args[1]
    point = _normalize(mount_point)
    if point == "/" or point in _mounts:
        raise OSError(1)
    if not hasattr(vfs, "mount") and hasattr(vfs, "readblocks"):
        # A bare block device: MicroPython detects the filesystem on it (FAT here).
        vfs = VfsFat(vfs)
    if hasattr(vfs, "mount"):
        vfs.mount(readonly, mkfs)
    _mounts[point] = vfs
    _board.vfs_mounted(point)


def umount(target):
    import os
    for point in list(_mounts):
        if point == target or _mounts[point] is target:
            vfs = _mounts.pop(point)
            _board.vfs_unmounted(point)
            if hasattr(vfs, "umount"):
                vfs.umount()
            try:
                cwd = os.getcwd()
                if cwd == point or cwd.startswith(point + "/"):
                    os.chdir("/")
            except Exception:
                pass
            return
    raise OSError(22)


def _dispatch(op, point, *args):
    vfs = _mounts[point]
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


_board.vfs_dispatcher(_dispatch)
"""#
}
