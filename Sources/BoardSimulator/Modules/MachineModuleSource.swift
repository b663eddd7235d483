/// `machine`, written in Python over the `_board` native hooks: pins keep their level in RAM, the
/// reset functions unwind the running code with SystemExit after telling the board what to do.
enum MachineModuleSource {
    static let text = #"""
import _board

class Pin:
    IN = 0
    OUT = 1
    OPEN_DRAIN = 2
    ALT = 3
    PULL_UP = 1
    PULL_DOWN = 2
    IRQ_FALLING = 4
    IRQ_RISING = 8
    _levels = {}

    def __init__(self, id, mode=-1, pull=-1, *, value=None, drive=None, alt=None):
        self._id = id
        self._mode = 0
        self._pull = None
        self._handler = None
        self.init(mode, pull, value=value)

    def init(self, mode=-1, pull=-1, *, value=None, drive=None, alt=None):
        if mode != -1:
            self._mode = mode
        if pull != -1:
            self._pull = pull
        if value is not None:
            self.value(value)
        elif self._id not in Pin._levels:
            Pin._levels[self._id] = 1 if self._pull == Pin.PULL_UP else 0

    def value(self, x=None):
        if x is None:
            return Pin._levels.get(self._id, 0)
        old = Pin._levels.get(self._id, 0)
        new = 1 if x else 0
        Pin._levels[self._id] = new
        if self._handler is not None and old != new:
            trigger, handler = self._handler
            if (new and trigger & Pin.IRQ_RISING) or (not new and trigger & Pin.IRQ_FALLING):
                handler(self)

    def __call__(self, x=None):
        return self.value(x)

    def on(self):
        self.value(1)

    def off(self):
        self.value(0)

    def high(self):
        self.value(1)

    def low(self):
        self.value(0)

    def toggle(self):
        self.value(1 - self.value())

    def mode(self, mode=None):
        if mode is None:
            return self._mode
        self._mode = mode

    def pull(self, pull=None):
        if pull is None:
            return self._pull
        self._pull = pull

    def irq(self, handler=None, trigger=IRQ_FALLING | IRQ_RISING, **kwargs):
        self._handler = None if handler is None else (trigger, handler)

    def __repr__(self):
        return "Pin(%s, mode=%s)" % (self._id, ("IN", "OUT", "OPEN_DRAIN", "ALT")[self._mode & 3])


class Signal:
    def __init__(self, pin, *args, invert=False, **kwargs):
        self._pin = pin if isinstance(pin, Pin) else Pin(pin, *args, **kwargs)
        self._invert = invert

    def value(self, x=None):
        if x is None:
            return self._pin.value() ^ self._invert
        self._pin.value((1 if x else 0) ^ self._invert)

    def on(self):
        self.value(1)

    def off(self):
        self.value(0)


class RTC:
    _offset = None

    def __init__(self, id=0):
        pass

    def datetime(self, dt=None):
        import time
        if dt is None:
            now = time.time() + (RTC._offset or 0)
            t = time.localtime(now)
            return (t[0], t[1], t[2], t[6], t[3], t[4], t[5], 0)
        year, month, day, weekday, hour, minute, second = dt[:7]
        target = time.mktime((year, month, day, hour, minute, second, 0, 0))
        RTC._offset = target - time.time()

    def init(self, dt):
        self.datetime(dt)


class ADC:
    def __init__(self, pin, *args, **kwargs):
        self._pin = pin

    def read_u16(self):
        return 32768

    def read_uv(self):
        return 1650000


class PWM:
    def __init__(self, pin, freq=1000, duty_u16=0, **kwargs):
        self._pin = pin
        self._freq = freq
        self._duty = duty_u16

    def freq(self, value=None):
        if value is None:
            return self._freq
        self._freq = value

    def duty_u16(self, value=None):
        if value is None:
            return self._duty
        self._duty = value

    def deinit(self):
        pass


class WDT:
    def __init__(self, id=0, timeout=5000):
        self._timeout = timeout

    def feed(self):
        pass


class Timer:
    ONE_SHOT = 0
    PERIODIC = 1

    def __init__(self, id=-1, **kwargs):
        pass

    def init(self, **kwargs):
        pass

    def deinit(self):
        pass


_frequency = 125000000


def freq(hz=None):
    global _frequency
    if hz is None:
        return _frequency
    _frequency = hz


def unique_id():
    return _board.unique_id()


def reset():
    _board.reset()
    raise SystemExit


def soft_reset():
    raise SystemExit


def bootloader(*args):
    _board.bootloader()
    raise SystemExit


def deepsleep(ms=0):
    reset()


def lightsleep(ms=None):
    import time
    if ms is not None:
        time.sleep_ms(ms)


def idle():
    pass


def disable_irq():
    return 0


def enable_irq(state=0):
    pass


def reset_cause():
    return _board.reset_cause()


PWRON_RESET = 1
HARD_RESET = 2
WDT_RESET = 3
DEEPSLEEP_RESET = 4
SOFT_RESET = 5
"""#
}
