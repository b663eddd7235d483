/// CircuitPython's hardware modules, in Python over the `_board` hooks, enough for pins and the
/// LED and for the storage/supervisor calls tools make.
enum CircuitPythonModuleSources {
    static let modules: [(String, String)] = [
        ("microcontroller", microcontroller),
        ("board", board),
        ("digitalio", digitalio),
        ("storage", storage),
        ("supervisor", supervisor),
    ]

    static let microcontroller = #"""
import _board


class Pin:
    _levels = {}

    def __init__(self, name):
        self._name = name

    def __repr__(self):
        return "board." + self._name


class _Processor:
    frequency = 125000000
    temperature = 25.0
    voltage = 3.3

    @property
    def uid(self):
        return bytearray(_board.unique_id())


cpu = _Processor()
cpus = (cpu,)


class RunMode:
    NORMAL = 0
    SAFE_MODE = 1
    BOOTLOADER = 2
    UF2 = 3


def on_next_reset(run_mode):
    pass


def reset():
    _board.reset()
    raise SystemExit


def delay_us(us):
    import time
    time.sleep_us(us)


def enable_interrupts():
    pass


def disable_interrupts():
    pass
"""#

    static let board = #"""
from microcontroller import Pin

board_id = "uremote_sim"

for _n in range(29):
    globals()["GP%d" % _n] = Pin("GP%d" % _n)
LED = Pin("LED")
for _n in range(4):
    globals()["A%d" % _n] = Pin("A%d" % _n)
del _n
"""#

    static let digitalio = #"""
from microcontroller import Pin


class Direction:
    INPUT = 0
    OUTPUT = 1


class Pull:
    UP = 1
    DOWN = 2


class DriveMode:
    PUSH_PULL = 0
    OPEN_DRAIN = 1


class DigitalInOut:
    def __init__(self, pin):
        if not isinstance(pin, Pin):
            raise TypeError("pin must be a Pin")
        self._pin = pin
        self._direction = Direction.INPUT
        self._pull = None
        self.drive_mode = DriveMode.PUSH_PULL
        self._deinited = False

    def _check(self):
        if self._deinited:
            raise ValueError("Object has been deinitialized and can no longer be used. Create a new object.")

    def deinit(self):
        self._deinited = True

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.deinit()

    def switch_to_output(self, value=False, drive_mode=DriveMode.PUSH_PULL):
        self._direction = Direction.OUTPUT
        self.drive_mode = drive_mode
        self.value = value

    def switch_to_input(self, pull=None):
        self._direction = Direction.INPUT
        self.pull = pull

    @property
    def direction(self):
        self._check()
        return self._direction

    @direction.setter
    def direction(self, value):
        self._check()
        self._direction = value

    @property
    def value(self):
        self._check()
        level = Pin._levels.get(self._pin._name)
        if level is None:
            return self._pull == Pull.UP
        return level

    @value.setter
    def value(self, value):
        self._check()
        if self._direction != Direction.OUTPUT:
            raise AttributeError("Cannot set value when direction is input.")
        Pin._levels[self._pin._name] = bool(value)

    @property
    def pull(self):
        self._check()
        return self._pull

    @pull.setter
    def pull(self, value):
        self._check()
        if self._direction == Direction.OUTPUT:
            raise AttributeError("Pull not used when direction is output.")
        self._pull = value
"""#

    static let storage = #"""
import _board, os


def remount(mount_path, readonly=False, *, disable_concurrent_write_protection=False):
    if mount_path != "/":
        raise OSError(22)
    _board.flash_readonly(readonly)


class _Mount:
    def __init__(self, readonly):
        self.readonly = readonly
        self.label = "CIRCUITPY"


def getmount(mount_path):
    if mount_path != "/":
        raise OSError(22)
    return _Mount(_board.flash_readonly())


def mount(filesystem, mount_path, *, readonly=False):
    os.mount(filesystem, mount_path, readonly=readonly)


def umount(mount):
    os.umount(mount)


def erase_filesystem():
    raise OSError(1)


def disable_usb_drive():
    _board.flash_readonly(False)


def enable_usb_drive():
    _board.flash_readonly(True)
"""#

    static let supervisor = #"""
import _board


class _Runtime:
    serial_connected = True
    usb_connected = True
    autoreload = True

    @property
    def serial_bytes_available(self):
        return 1 if _board.input_ready() else 0


runtime = _Runtime()


def reload():
    raise SystemExit


def ticks_ms():
    import time
    return time.ticks_ms() & ((1 << 29) - 1)


def set_next_code_file(filename, **kwargs):
    pass


def disable_autoreload():
    runtime.autoreload = False


def enable_autoreload():
    runtime.autoreload = True
"""#
}
