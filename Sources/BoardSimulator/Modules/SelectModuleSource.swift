/// `select`, in Python over `_board.wait_input`: on a board the only pollable stream is the
/// console, and tools (mpremote's mount) poll it with a timeout to notice a vanished host.
enum SelectModuleSource {
    static let text = #"""
import _board

POLLIN = 1
POLLOUT = 4
POLLERR = 8
POLLHUP = 16


class _Poll:
    def __init__(self):
        self._entries = []

    def register(self, obj, eventmask=POLLIN | POLLOUT):
        for entry in self._entries:
            if entry[0] is obj:
                entry[1] = eventmask
                return
        self._entries.append([obj, eventmask])

    def modify(self, obj, eventmask):
        for entry in self._entries:
            if entry[0] is obj:
                entry[1] = eventmask
                return
        raise OSError(2)

    def unregister(self, obj):
        self._entries = [e for e in self._entries if e[0] is not obj]

    def _ready(self):
        events = []
        has_input = _board.input_ready()
        for obj, mask in self._entries:
            ev = 0
            if mask & POLLIN and has_input:
                ev |= POLLIN
            if mask & POLLOUT:
                ev |= POLLOUT
            if ev:
                events.append((obj, ev))
        return events

    def poll(self, timeout=-1):
        events = self._ready()
        if events or timeout == 0:
            return events
        wants_input = False
        for obj, mask in self._entries:
            if mask & POLLIN:
                wants_input = True
        if not wants_input and timeout is not None and timeout >= 0:
            import time
            time.sleep_ms(timeout)
            return []
        _board.wait_input(-1 if timeout is None else timeout)
        return self._ready()

    def ipoll(self, timeout=-1, flags=0):
        return iter(self.poll(timeout))


def poll():
    return _Poll()


def select(rlist, wlist, xlist, timeout=None):
    p = _Poll()
    for obj in rlist:
        p.register(obj, POLLIN)
    ms = -1 if timeout is None else int(timeout * 1000)
    ready = p.poll(ms)
    readable = [obj for obj, ev in ready if ev & POLLIN]
    return readable, list(wlist), []
"""#
}
