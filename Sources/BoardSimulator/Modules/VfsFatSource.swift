/// `vfs.VfsFat` (also `os.VfsFat`): a filesystem kept on a Python block device
/// (`readblocks`/`writeblocks`/`ioctl`), so SD-card and RAM-disk code written for boards runs.
/// The on-device layout is uremote's own simple format, not FAT: the board only needs the
/// filesystem to behave, not to be readable by a PC.
enum VfsFatSource {
    static let text = #"""
class _BlockFile:
    # An open file of a VfsFat; its bytes go back to the block device on flush and close.
    def __init__(self, fs, path, data, writable):
        self._fs = fs
        self._path = path
        self._data = bytearray(data)
        self._pos = 0
        self._writable = writable
        self._dirty = False

    def read(self, n=-1):
        end = len(self._data) if n is None or n < 0 else min(len(self._data), self._pos + n)
        chunk = bytes(self._data[self._pos:end])
        self._pos = end
        return chunk

    def write(self, data):
        if not self._writable:
            raise OSError(9)
        data = bytes(data)
        end = self._pos + len(data)
        if end > len(self._data):
            self._data.extend(bytes(end - len(self._data)))
        self._data[self._pos:end] = data
        self._pos = end
        self._dirty = True
        return len(data)

    def seek(self, offset, whence=0):
        base = (0, self._pos, len(self._data))[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def flush(self):
        if self._dirty:
            self._fs._files[self._path] = bytes(self._data)
            self._fs._save()
            self._dirty = False

    def close(self):
        self.flush()


class VfsFat:
    # A filesystem kept on a Python block device (readblocks/writeblocks/ioctl), as SD-card
    # drivers provide. The on-device layout is uremote's own simple format, not FAT.
    _MAGIC = b"UREMOTEFS1"

    def __init__(self, bdev):
        self._bdev = bdev
        self._files = None
        self._dirs = None

    @staticmethod
    def _geometry(bdev):
        count = bdev.ioctl(4, 0)
        size = bdev.ioctl(5, 0) or 512
        return count, size

    @staticmethod
    def mkfs(bdev):
        VfsFat(bdev)._write({}, set())

    def _write(self, files, dirs):
        count, size = self._geometry(self._bdev)
        body = bytearray()
        for d in sorted(dirs):
            name = d.encode()
            body += b"d" + len(name).to_bytes(2, "little") + name + (0).to_bytes(4, "little")
        for path in sorted(files):
            name = path.encode()
            data = files[path]
            body += b"f" + len(name).to_bytes(2, "little") + name + len(data).to_bytes(4, "little") + data
        image = self._MAGIC + len(body).to_bytes(4, "little") + body
        if len(image) > count * size:
            raise OSError(28)
        padded = bytearray(image) + bytearray((-len(image)) % size)
        for i in range(len(padded) // size):
            self._bdev.writeblocks(i, padded[i * size:(i + 1) * size])

    def _load(self):
        count, size = self._geometry(self._bdev)
        first = bytearray(size)
        self._bdev.readblocks(0, first)
        if bytes(first[:len(self._MAGIC)]) != self._MAGIC:
            raise OSError(19)
        length = int.from_bytes(first[len(self._MAGIC):len(self._MAGIC) + 4], "little")
        total = len(self._MAGIC) + 4 + length
        image = bytearray(((total + size - 1) // size) * size)
        for i in range(len(image) // size):
            block = bytearray(size)
            self._bdev.readblocks(i, block)
            image[i * size:(i + 1) * size] = block
        pos = len(self._MAGIC) + 4
        files = {}
        dirs = set()
        while pos < total:
            kind = image[pos:pos + 1]
            n = int.from_bytes(image[pos + 1:pos + 3], "little")
            name = str(bytes(image[pos + 3:pos + 3 + n]), "utf-8")
            pos += 3 + n
            m = int.from_bytes(image[pos:pos + 4], "little")
            pos += 4
            if kind == b"d":
                dirs.add(name)
            else:
                files[name] = bytes(image[pos:pos + m])
                pos += m
        self._files = files
        self._dirs = dirs

    def _save(self):
        self._write(self._files, self._dirs)

    def mount(self, readonly, mkfs):
        if mkfs:
            VfsFat.mkfs(self._bdev)
        self._load()

    def umount(self):
        pass

    @staticmethod
    def _clean(path):
        parts = [p for p in path.split("/") if p and p != "."]
        return "/" + "/".join(parts)

    def _is_dir(self, path):
        return path == "/" or path in self._dirs

    def _parent_ok(self, path):
        parent = path.rsplit("/", 1)[0] or "/"
        if not self._is_dir(parent):
            raise OSError(2)

    def ilistdir(self, path):
        path = self._clean(path)
        if not self._is_dir(path):
            raise OSError(2)
        prefix = "" if path == "/" else path
        for d in sorted(self._dirs):
            if d.rsplit("/", 1)[0] == prefix:
                yield (d.rsplit("/", 1)[1], 0x4000, 0, 0)
        for f in sorted(self._files):
            if f.rsplit("/", 1)[0] == prefix:
                yield (f.rsplit("/", 1)[1], 0x8000, 0, len(self._files[f]))

    def stat(self, path):
        path = self._clean(path)
        if self._is_dir(path):
            return (0x4000, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        if path in self._files:
            return (0x8000, 0, 0, 0, 0, 0, len(self._files[path]), 0, 0, 0)
        raise OSError(2)

    def open(self, path, mode):
        path = self._clean(path)
        if self._is_dir(path):
            raise OSError(21)
        if "r" in mode and "+" not in mode:
            if path not in self._files:
                raise OSError(2)
            return _BlockFile(self, path, self._files[path], False)
        self._parent_ok(path)
        if "x" in mode and path in self._files:
            raise OSError(17)
        if "w" in mode or "x" in mode:
            data = b""
        else:
            data = self._files.get(path, b"")
        f = _BlockFile(self, path, data, True)
        if "a" in mode:
            f.seek(0, 2)
        self._files[path] = data
        self._save()
        return f

    def mkdir(self, path):
        path = self._clean(path)
        if self._is_dir(path) or path in self._files:
            raise OSError(17)
        self._parent_ok(path)
        self._dirs.add(path)
        self._save()

    def rmdir(self, path):
        path = self._clean(path)
        if path not in self._dirs:
            raise OSError(2)
        for name in list(self._files) + list(self._dirs):
            if name.startswith(path + "/"):
                raise OSError(39)
        self._dirs.remove(path)
        self._save()

    def remove(self, path):
        path = self._clean(path)
        if path not in self._files:
            raise OSError(2)
        del self._files[path]
        self._save()

    def rename(self, old, new):
        old = self._clean(old)
        new = self._clean(new)
        if old in self._files:
            self._files[new] = self._files.pop(old)
        elif old in self._dirs:
            self._dirs.remove(old)
            self._dirs.add(new)
            for name in list(self._files):
                if name.startswith(old + "/"):
                    self._files[new + name[len(old):]] = self._files.pop(name)
        else:
            raise OSError(2)
        self._save()

    def statvfs(self, path):
        count, size = self._geometry(self._bdev)
        used = len(self._MAGIC) + 4
        for f in self._files:
            used += 7 + len(f.encode()) + len(self._files[f])
        for d in self._dirs:
            used += 7 + len(d.encode())
        free = max(0, count - (used + size - 1) // size)
        return (size, size, count, free, free, 0, 0, 0, 0, 255)
"""#
}
