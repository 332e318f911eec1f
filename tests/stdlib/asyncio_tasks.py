# asyncio tasks: cancellation, timeouts, TaskGroup, gather with exceptions, shield,
# to_thread/run_in_executor, call_soon_threadsafe, contextvars in tasks, async generators
# and their finalisation (shutdown_asyncgens).
import asyncio
import contextvars
import threading

var = contextvars.ContextVar("var", default="unset")


async def sleeper(n, log):
    try:
        await asyncio.sleep(n)
        log.append(f"done {n}")
        return n
    except asyncio.CancelledError:
        log.append(f"cancelled {n}")
        raise


async def cancellation():
    log = []
    t = asyncio.create_task(sleeper(10, log))
    await asyncio.sleep(0)
    t.cancel("stop")
    try:
        await t
    except asyncio.CancelledError as e:
        print("cancelled:", e.args, t.cancelled(), log)
    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(10)
    except TimeoutError:
        print("timeout ok")
    try:
        await asyncio.wait_for(sleeper(10, log), 0.01)
    except asyncio.TimeoutError:
        print("wait_for timed out:", log[-1])
    inner = asyncio.create_task(sleeper(0.01, log))
    outer = asyncio.ensure_future(asyncio.shield(inner))
    outer.cancel()
    await asyncio.sleep(0.05)
    print("shield:", outer.cancelled(), inner.result())


async def groups():
    async def fail(n):
        raise ValueError(n)   # both fail in their first step, before the group aborts
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(1))
            tg.create_task(fail(2))
            tg.create_task(asyncio.sleep(10))
    except* ValueError as eg:
        print("taskgroup:", sorted(e.args[0] for e in eg.exceptions))
    res = await asyncio.gather(fail(1), asyncio.sleep(0, "ok"), return_exceptions=True)
    print("gather:", [repr(r) for r in res])
    done, pending = await asyncio.wait([asyncio.create_task(asyncio.sleep(0.001, i))
                                        for i in range(3)])
    print("wait:", sorted(t.result() for t in done), pending)


async def threads():
    def work(x):
        return x * 2, threading.current_thread() is not threading.main_thread()
    print("to_thread:", await asyncio.to_thread(work, 21))
    loop = asyncio.get_running_loop()
    print("executor:", await loop.run_in_executor(None, work, 5))
    fut = loop.create_future()
    threading.Thread(target=lambda: loop.call_soon_threadsafe(fut.set_result, "from thread")).start()
    print("threadsafe:", await fut)


async def contexts():
    async def child(name):
        var.set(name)
        await asyncio.sleep(0)
        return var.get()
    var.set("parent")
    print("ctx:", await asyncio.gather(child("a"), child("b")), var.get())
    ctx = contextvars.copy_context()
    t = asyncio.create_task(child("c"), context=ctx)
    await t
    print("ctx copy:", ctx[var], var.get())


async def agens():
    log = []
    async def gen():
        try:
            for i in range(10):
                yield i
                await asyncio.sleep(0)
        finally:
            log.append("agen closed")
    async for v in gen():
        if v == 2:
            break
    print("agen broke at 2:", log)
    g = gen()
    print("first:", await g.__anext__())
    return g  # left unfinished: asyncio.run's shutdown_asyncgens closes it


for coro in (cancellation, groups, threads, contexts):
    asyncio.run(coro())
log_holder = []
async def keep():
    g = await agens()
    log_holder.append(g)
asyncio.run(keep())
print("after run")
