# coroutines: native async/await coroutines driven by send() — no asyncio — with a
# tiny round-robin scheduler and an awaitable that yields control.
class Yield:
    def __await__(self):
        yield "tick"


async def leaf(n):
    total = 0
    for i in range(n):
        if i % 16 == 0:
            await Yield()
        total += i
    return total


async def middle(n):
    return await leaf(n) + await leaf(n // 2)


async def top(k, n):
    acc = 0
    for i in range(k):
        acc += await middle(n + i)
    return acc


def run_all(coros):
    results, ready, ticks = {}, list(enumerate(coros)), 0
    while ready:
        next_round = []
        for ident, coro in ready:
            try:
                coro.send(None)
                ticks += 1
                next_round.append((ident, coro))
            except StopIteration as stop:
                results[ident] = stop.value
        ready = next_round
    return sum(results.values()), ticks


print(*run_all([top(200, 2000 + i) for i in range(25)]))
