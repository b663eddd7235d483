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
    # drivers provide. The on-device layout is uremote's own simple format, not FAT, but
    # directories keep FAT's entry order: a listing shows entries in the order they were
    # created, a new entry takes the first run of free slots big enough for it (long names
    # need extra slots), and deleted entries free their slots, as FatFs does.
    _MAGIC = b"UREMOTEFS2"
    _SFN_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'()-@^_`{}~"

    def __init__(self, bdev):
        self._bdev = bdev
        self._files = None
        self._dirs = None
        self._slots = None
        self._image = None

    @staticmethod
    def _geometry(bdev):
        count = bdev.ioctl(4, 0)
        size = bdev.ioctl(5, 0) or 512
        return count, size

    @staticmethod
    def mkfs(bdev):
        fs = VfsFat(bdev)
        fs._files = {}
        fs._dirs = set()
        fs._slots = {"/": []}
        fs._save()

    @classmethod
    def _slot_count(cls, name):
        # An 8.3 name whose base and extension are each one case fits one entry; anything
        # else needs long-name entries of 13 characters each in front of it.
        base, dot, ext = name.partition(".")
        short = (0 < len(base) <= 8 and len(ext) <= 3 and "." not in ext and (ext or not dot)
                 and all(c in cls._SFN_CHARS for c in base + ext)
                 and (base == base.lower() or base == base.upper())
                 and (ext == ext.lower() or ext == ext.upper()))
        return 1 if short else 1 + (len(name) + 12) // 13

    def _take_slot(self, parent, name):
        slots = self._slots.setdefault(parent, [])
        need = self._slot_count(name)
        i = 0
        while True:
            if all(i + k >= len(slots) or slots[i + k] is None for k in range(need)):
                break
            i += 1
        while len(slots) < i + need:
            slots.append(None)
        for k in range(need - 1):
            slots[i + k] = ""
        slots[i + need - 1] = name
        return i + need - 1

    def _free_slot(self, parent, name):
        slots = self._slots.get(parent, [])
        for i in range(len(slots)):
            if slots[i] == name:
                slots[i] = None
                j = i - 1
                while j >= 0 and slots[j] == "":
                    slots[j] = None
                    j -= 1
                break
        while slots and slots[-1] is None:
            slots.pop()

    @staticmethod
    def _split(path):
        parent, _, name = path.rpartition("/")
        return parent or "/", name

    def _write(self):
        count, size = self._geometry(self._bdev)
        body = bytearray()
        for parent in sorted(self._slots):
            slots = self._slots[parent]
            for index in range(len(slots)):
                name = slots[index]
                if not name:
                    continue
                path = (parent if parent != "/" else "") + "/" + name
                raw = path.encode()
                data = self._files.get(path, b"") if path not in self._dirs else b""
                body += (b"d" if path in self._dirs else b"f") + len(raw).to_bytes(2, "little") + raw
                body += index.to_bytes(2, "little") + len(data).to_bytes(4, "little") + data
        image = bytearray(self._MAGIC + len(body).to_bytes(4, "little") + body)
        if len(image) > count * size:
            raise OSError(28)
        image += bytearray((-len(image)) % size)
        old = self._image
        for i in range(len(image) // size):
            block = image[i * size:(i + 1) * size]
            if old is None or old[i * size:(i + 1) * size] != block:
                self._bdev.writeblocks(i, block)
        self._image = image

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
        slots = {"/": []}
        while pos < total:
            kind = image[pos:pos + 1]
            n = int.from_bytes(image[pos + 1:pos + 3], "little")
            path = str(bytes(image[pos + 3:pos + 3 + n]), "utf-8")
            pos += 3 + n
            index = int.from_bytes(image[pos:pos + 2], "little")
            m = int.from_bytes(image[pos + 2:pos + 6], "little")
            pos += 6
            parent, name = self._split(path)
            row = slots.setdefault(parent, [])
            while len(row) <= index:
                row.append(None)
            row[index] = name
            for k in range(1, self._slot_count(name)):
                if index - k >= 0:
                    row[index - k] = ""
            if kind == b"d":
                dirs.add(path)
                slots.setdefault(path, [])
            else:
                files[path] = bytes(image[pos:pos + m])
                pos += m
        self._files = files
        self._dirs = dirs
        self._slots = slots
        self._image = image

    def _save(self):
        self._write()

    def _add(self, path):
        parent, name = self._split(path)
        self._take_slot(parent, name)

    def _drop(self, path):
        parent, name = self._split(path)
        self._free_slot(parent, name)

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
        for name in list(self._slots.get(path, [])):
            if not name:
                continue
            full = prefix + "/" + name
            if full in self._dirs:
                yield (name, 0x4000, 0, 0)
            elif full in self._files:
                yield (name, 0x8000, 0, len(self._files[full]))

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
        if path not in self._files:
            self._add(path)
        self._files[path] = data
        self._save()
        return f

    def mkdir(self, path):
        path = self._clean(path)
        if self._is_dir(path) or path in self._files:
            raise OSError(17)
        self._parent_ok(path)
        self._add(path)
        self._dirs.add(path)
        self._slots[path] = []
        self._save()

    def rmdir(self, path):
        path = self._clean(path)
        if path == "/":
            raise OSError(22)
        if path not in self._dirs:
            raise OSError(2 if path not in self._files else 20)
        for name in list(self._files) + list(self._dirs):
            if name.startswith(path + "/"):
                # FatFs refuses a non-empty directory with FR_DENIED, which MicroPython maps to EACCES.
                raise OSError(13)
        self._drop(path)
        self._dirs.remove(path)
        self._slots.pop(path, None)
        self._save()

    def remove(self, path):
        path = self._clean(path)
        if path in self._dirs:
            raise OSError(21)
        if path not in self._files:
            raise OSError(2)
        self._drop(path)
        del self._files[path]
        self._save()

    def rename(self, old, new):
        old = self._clean(old)
        new = self._clean(new)
        if old not in self._files and old not in self._dirs:
            raise OSError(2)
        self._parent_ok(new)
        if new in self._dirs:
            raise OSError(17)
        if new in self._files:
            if old in self._dirs:
                raise OSError(17)
            self._drop(new)
            del self._files[new]
        self._add(new)
        self._drop(old)
        if old in self._files:
            self._files[new] = self._files.pop(old)
        else:
            for name in sorted(self._dirs):
                if name == old or name.startswith(old + "/"):
                    self._dirs.remove(name)
                    self._dirs.add(new + name[len(old):])
            for name in list(self._files):
                if name.startswith(old + "/"):
                    self._files[new + name[len(old):]] = self._files.pop(name)
            for name in list(self._slots):
                if name == old or name.startswith(old + "/"):
                    self._slots[new + name[len(old):]] = self._slots.pop(name)
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
