# sys.settrace in coroutines and async generators driven by a tiny scheduler
from _tr import trace


class Sleep:
    def __await__(self):
        yield 'tick'
        return 'woke'


async def leaf(x):
    r = await Sleep()
    return x, r


async def branch():
    a = await leaf(1)
    b = await leaf(2)
    return a + b


async def agen():
    for i in range(2):
        yield i
        await Sleep()
    return


async def use_agen():
    out = []
    async for v in agen():
        out.append(v)
    return out


def run(coro):
    try:
        for _ in range(100):
            coro.send(None)
    except StopIteration as e:
        return e.value


trace(run, branch())
trace(run, use_agen())
