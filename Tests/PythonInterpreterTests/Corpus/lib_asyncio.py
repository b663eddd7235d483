# asyncio: ordering of tasks, gather, wait_for, cancel, Event, Lock
import asyncio
async def work(n, d, fail=False):
    print('start', n)
    await asyncio.sleep(d)
    if fail: raise ValueError(n)
    print('end', n)
    return n * 10
async def main():
    t = asyncio.create_task(work(1, 0.02))
    print('created', t.done())
    r = await t
    print('result', r, t.done())
    print(await asyncio.gather(work(2, 0.15), work(3, 0.01)))
    try: print(await asyncio.gather(work(4, 0.01, True), work(5, 0.15)))
    except ValueError as e: print('gather err', e)
    await asyncio.sleep(0.25)
    print(await asyncio.gather(work(6, 0.01, True), work(7, 0.1), return_exceptions=True))
    try: await asyncio.wait_for(work(8, 0.3), 0.02)
    except asyncio.TimeoutError: print('timeout')
    print(await asyncio.wait_for(work(9, 0.01), 1))
    t = asyncio.create_task(work(10, 1))
    await asyncio.sleep(0)
    print('cancel', t.cancel())
    try: await t
    except asyncio.CancelledError: print('cancelled')
    print(t.cancel(), t.done())
    ev = asyncio.Event()
    async def waiter(i):
        print('wait', i); await ev.wait(); print('woke', i)
    ts = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    print('set', ev.is_set()); ev.set(); await asyncio.sleep(0); print('after set', ev.is_set())
    lock = asyncio.Lock()
    async def locker(i):
        async with lock:
            print('lock', i); await asyncio.sleep(0.01); print('unlock', i)
    await asyncio.gather(locker(1), locker(2))
    print(lock.locked())
    try: lock.release()
    except Exception as e: print(type(e).__name__, e)
    await asyncio.sleep_ms(5)
    print(asyncio.current_task() is not None)
    async def inner(): raise OSError(5)
    try: await inner()
    except OSError as e: print('oserr', e)
    t = asyncio.create_task(work(11, 0.01))
    await asyncio.sleep(0.15)
    print(t.done(), await t)
    return 'main done'
print(asyncio.run(main()))
loop = asyncio.get_event_loop()
print(loop.run_until_complete(work(12, 0)))
try: asyncio.run(work(13, 0, True))
except ValueError as e: print('run err', e)
print(repr(asyncio.CancelledError()), issubclass(asyncio.CancelledError, BaseException), issubclass(asyncio.TimeoutError, Exception), asyncio.TimeoutError is OSError)
