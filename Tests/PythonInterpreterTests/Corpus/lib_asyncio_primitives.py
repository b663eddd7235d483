# asyncio: cancellation, wait_for, Event fairness, Lock hand-over, gather
import asyncio

async def task(id, t=0.01):
    print("task start", id)
    await asyncio.sleep(t)
    print("task done", id)
    return id

async def cancel_self():
    try:
        asyncio.current_task().cancel()
    except RuntimeError as e:
        print("RuntimeError", e)
    return 1

async def main():
    print(await cancel_self())
    # cancel before start
    t = asyncio.create_task(task(1))
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled before start")
    # cancel while sleeping, catch inside
    async def catcher():
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("caught inside")
            return "swallowed"
    t = asyncio.create_task(catcher())
    await asyncio.sleep(0.01)
    t.cancel()
    print(await t)
    # wait_for variants
    print(await asyncio.wait_for(task(2), 1))
    try:
        print(await asyncio.wait_for(task(3, 1), 0.02))
    except asyncio.TimeoutError:
        print("timeout 3")
    print(await asyncio.wait_for_ms(task(4), 1000))
    try:
        await asyncio.wait_for(task(9, 1), 0)
    except asyncio.TimeoutError:
        print("timeout 0")
    # wait_for on a task that raises
    async def boom():
        await asyncio.sleep(0)
        raise ValueError("boom")
    try:
        await asyncio.wait_for(boom(), 1)
    except ValueError as e:
        print("ValueError", e)
    # task done / done callback-free
    t = asyncio.create_task(task(5, 0))
    print(t.done())
    await asyncio.sleep(0.01)
    print(t.done())
    # event fairness
    ev = asyncio.Event()
    order = []
    async def waiter(n):
        for i in range(2):
            await ev.wait()
            order.append(n)
            ev.clear()
            await asyncio.sleep(0)
    ts = [asyncio.create_task(waiter(n)) for n in range(3)]
    for _ in range(4):
        await asyncio.sleep(0)
        ev.set()
    await asyncio.sleep(0.1)
    print(order)
    # lock with cancellation
    lock = asyncio.Lock()
    async def holder():
        async with lock:
            await asyncio.sleep(0.3)
    async def contender(n):
        try:
            await lock.acquire()
            print("acquired", n)
            lock.release()
        except asyncio.CancelledError:
            print("contender cancelled", n)
    h = asyncio.create_task(holder())
    await asyncio.sleep(0)
    c1 = asyncio.create_task(contender(1))
    c2 = asyncio.create_task(contender(2))
    await asyncio.sleep(0.01)
    c1.cancel()
    await asyncio.sleep(1.0)
    print(lock.locked())
    # gather of already finished tasks and plain coroutines
    t1 = asyncio.create_task(task(6, 0))
    await asyncio.sleep(0.01)
    print(await asyncio.gather(t1, task(7, 0)))
    print(await asyncio.gather())

asyncio.run(main())
print(asyncio.get_event_loop() is asyncio.get_event_loop())
loop = asyncio.new_event_loop()
print(loop.run_until_complete(task(8, 0)))
