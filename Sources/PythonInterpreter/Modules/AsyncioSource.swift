/// The `asyncio` module, written in Python and run in the module's namespace when first imported.
///
/// A scheduler over coroutines with MicroPython's API (run, create_task, sleep, sleep_ms, gather,
/// wait_for, wait_for_ms, Event, ThreadSafeFlag, Lock, Task.cancel, CancelledError, TimeoutError,
/// get_event_loop, new_event_loop, current_task) and its ordering. Awaitables hand `_Request`
/// objects up the coroutine chain to the task's step; this needs only generators and `await`.
let asyncioPythonSource = #"""
# asyncio for the uremote simulator: a small scheduler over coroutines, written for the
# simulator (not MicroPython's implementation) but with MicroPython's API and ordering:
# new tasks wait until the running one yields, ready tasks run first-in first-out, timers
# fire in deadline order.
import sys
import time

try:
    ticks = time.ticks_ms
    ticks_add = time.ticks_add
    ticks_diff = time.ticks_diff
except AttributeError:
    def ticks():
        return int(time.time() * 1000)

    def ticks_add(t, d):
        return t + d

    def ticks_diff(a, b):
        return a - b

try:
    _idle = time.sleep_ms
except AttributeError:
    def _idle(ms):
        time.sleep(ms / 1000)


class CancelledError(BaseException):
    pass


class TimeoutError(Exception):
    pass


class _Request:
    # An awaitable that hands one request to the scheduler and returns what it sends back.
    def __init__(self, kind, arg=None, deadline=None):
        self.kind = kind
        self.arg = arg
        self.deadline = deadline

    def __iter__(self):
        value = yield self
        return value

    __await__ = __iter__


class _Scheduler:
    def __init__(self):
        self.ready = []
        self.timers = []
        self.seq = 0
        self.current = None
        self.stopped = False

    def push_ready(self, task):
        task._wake = None
        self.ready.append(task)

    def push_timer(self, task, deadline):
        self.seq += 1
        task._wake = self.seq
        entry = [deadline, self.seq, task]
        timers = self.timers
        i = len(timers)
        timers.append(entry)
        # keep sorted by (deadline, seq): insertion from the end is cheap for typical programs
        while i > 0:
            prev = timers[i - 1]
            if ticks_diff(prev[0], deadline) > 0:
                timers[i] = prev
                i -= 1
            else:
                break
        timers[i] = entry

    def run_until(self, main):
        main._watched = True
        self.stopped = False
        while not main._done and not self.stopped:
            if not self.ready:
                if not self.timers:
                    # Nothing can run until something outside (an interrupt handler setting a
                    # ThreadSafeFlag) wakes a task: wait like a board does, Ctrl-C still works.
                    _idle(10)
                    continue
                entry = self.timers[0]
                task = entry[2]
                if task._wake != entry[1]:
                    self.timers.pop(0)
                    continue
                delay = ticks_diff(entry[0], ticks())
                if delay > 0:
                    _idle(delay)
                    continue
                self.timers.pop(0)
                task._wake = None
                self._leave_queue(task)
                self.ready.append(task)
            task = self.ready.pop(0)
            if not task._done:
                self.current = task
                task._step()
                self.current = None

    def _leave_queue(self, task):
        queue = task._queue
        if queue is not None:
            task._queue = None
            if task in queue:
                queue.remove(task)


_sched = _Scheduler()


def _wake_all(queue):
    while queue:
        task = queue.pop(0)
        task._queue = None
        task._wake = None
        _sched.ready.append(task)


class Task:
    def __init__(self, coro):
        if not hasattr(coro, "send"):
            raise TypeError("coroutine expected")
        self.coro = coro
        self._done = False
        self._result = None
        self._error = None
        self._send = None
        self._throw = None
        self._waiters = []
        self._queue = None
        self._wake = None
        # Set when something will collect the outcome, so a failure is not reported as lost.
        self._watched = False

    def __repr__(self):
        return "<Task>"

    def done(self):
        return self._done

    def cancel(self):
        if self._done:
            return False
        if _sched.current is self:
            raise RuntimeError("can't cancel self")
        self._throw = CancelledError()
        _sched._leave_queue(self)
        if self._wake is not None or self not in _sched.ready:
            _sched.push_ready(self)
        return True

    def _step(self):
        try:
            if self._throw is not None:
                error = self._throw
                self._throw = None
                request = self.coro.throw(error)
            else:
                value = self._send
                self._send = None
                request = self.coro.send(value)
        except StopIteration as stop:
            self._finish(stop.value, None)
            return
        except BaseException as error:
            self._finish(None, error)
            return
        if request is None:
            _sched.push_ready(self)
        elif request.kind == "sleep":
            _sched.push_timer(self, ticks_add(ticks(), max(0, int(request.arg))))
        elif request.kind == "wait":
            self._queue = request.arg
            request.arg.append(self)
            if request.deadline is not None:
                _sched.push_timer(self, request.deadline)
        else:
            raise RuntimeError("bad await")

    def _finish(self, result, error):
        self._done = True
        self._result = result
        self._error = error
        if error is not None and not self._waiters and not self._watched and not isinstance(error, CancelledError):
            Loop.call_exception_handler(
                {"message": "Task exception wasn't retrieved", "exception": error, "future": self}
            )
        _wake_all(self._waiters)

    def _outcome(self):
        if self._error is not None:
            raise self._error
        return self._result

    def __iter__(self):
        self._watched = True
        while not self._done:
            yield _Request("wait", self._waiters)
        return self._outcome()

    __await__ = __iter__


def sleep_ms(ms):
    if ms <= 0:
        return _Request("sleep", 0)
    return _Request("sleep", ms)


def sleep(seconds):
    return sleep_ms(int(seconds * 1000))


def create_task(coro):
    task = Task(coro)
    _sched.push_ready(task)
    return task


def _ensure_task(aw):
    if isinstance(aw, Task):
        return aw
    return create_task(aw)


def current_task():
    return _sched.current


async def wait_for_ms(aw, timeout):
    task = _ensure_task(aw)
    task._watched = True
    if timeout is None:
        return await task
    deadline = ticks_add(ticks(), int(timeout))
    while not task._done:
        # Wait first: the awaited task always gets to start, even with a zero timeout.
        await _Request("wait", task._waiters, deadline)
        if not task._done and ticks_diff(deadline, ticks()) <= 0:
            task.cancel()
            try:
                await task
            except BaseException:
                pass
            raise TimeoutError
    return task._outcome()


def wait_for(aw, timeout):
    return wait_for_ms(aw, None if timeout is None else int(timeout * 1000))


async def gather(*aws, return_exceptions=False):
    tasks = [_ensure_task(aw) for aw in aws]
    for task in tasks:
        task._watched = True
    results = []
    for task in tasks:
        try:
            results.append(await task)
        except Exception as error:
            if not return_exceptions:
                raise
            results.append(error)
    return results


class Event:
    def __init__(self):
        self.state = False
        self._waiting = []

    def is_set(self):
        return self.state

    def set(self):
        self.state = True
        _wake_all(self._waiting)

    def clear(self):
        self.state = False

    async def wait(self):
        # A woken waiter proceeds even if another one cleared the event meanwhile.
        if not self.state:
            await _Request("wait", self._waiting)
        return True


class ThreadSafeFlag:
    def __init__(self):
        self.state = False
        self._waiting = []

    def set(self):
        self.state = True
        _wake_all(self._waiting)

    def clear(self):
        self.state = False

    async def wait(self):
        if not self.state:
            await _Request("wait", self._waiting)
        self.state = False


class Lock:
    # state: False (free), True (held), or the waiting task the lock was handed to.
    def __init__(self):
        self.state = False
        self._waiting = []

    def locked(self):
        return self.state is True

    def release(self):
        if self.state is not True:
            raise RuntimeError("Lock not acquired")
        if self._waiting:
            task = self._waiting.pop(0)
            task._queue = None
            self.state = task
            _sched.push_ready(task)
        else:
            self.state = False

    async def acquire(self):
        if self.state is not False:
            try:
                await _Request("wait", self._waiting)
            except CancelledError:
                if self.state is _sched.current:
                    # Handed the lock while being cancelled: pass it on.
                    self.state = True
                    self.release()
                raise
        self.state = True
        return True

    async def __aenter__(self):
        return await self.acquire()

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


class Loop:
    _exc_handler = None

    @staticmethod
    def create_task(coro):
        return create_task(coro)

    @staticmethod
    def run_until_complete(aw):
        task = _ensure_task(aw)
        _sched.run_until(task)
        return task._outcome()

    @staticmethod
    def run_forever():
        _sched.run_until(Task(_forever()))

    @staticmethod
    def stop():
        _sched.stopped = True

    @staticmethod
    def close():
        pass

    @staticmethod
    def set_exception_handler(handler):
        Loop._exc_handler = handler

    @staticmethod
    def get_exception_handler():
        return Loop._exc_handler

    @staticmethod
    def default_exception_handler(loop, context):
        print(context["message"], file=sys.stderr)
        print("future:", context["future"], "coro=", context["future"].coro, file=sys.stderr)
        sys.print_exception(context["exception"], sys.stderr)

    @staticmethod
    def call_exception_handler(context):
        (Loop._exc_handler or Loop.default_exception_handler)(Loop, context)


async def _forever():
    while True:
        await sleep_ms(1000000)


def get_event_loop(runq_len=0, waitq_len=0):
    return Loop


def new_event_loop():
    global _sched
    _sched = _Scheduler()
    return Loop


def run(coro):
    return Loop.run_until_complete(create_task(coro))


def run_until_complete(aw):
    return Loop.run_until_complete(aw)
"""#
