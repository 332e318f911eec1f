# anext(aiterator, default): the awaitable returns default at StopAsyncIteration;
# compile() flag validation (CO_NESTED accepted, unknown bits rejected).
import types


def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


async def agen():
    yield 1
    yield 2


async def main():
    g = agen()
    out = [await anext(g, "end") for _ in range(4)]
    print(out)
    g2 = agen()
    print(await anext(g2), await anext(g2))
    try:
        await anext(g2)
    except StopAsyncIteration:
        print("StopAsyncIteration without default")


run(main())


class AIt:
    """Python async iterator whose __anext__ is a plain coroutine."""
    def __init__(self):
        self.n = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        self.n += 1
        if self.n > 2:
            raise StopAsyncIteration
        return self.n


async def main2():
    it = AIt()
    print([await anext(it, None) for _ in range(4)])


run(main2())

aw = anext(agen(), 0)
print(type(aw).__name__, hasattr(aw, "send"), hasattr(aw, "throw"), hasattr(aw, "close"))
print(iter(aw) is aw, aw.__await__() is aw)
print(next(aw, "x") if False else run(aw))


async def raise_in():
    it = AIt()
    a = anext(it, "d")
    try:
        a.throw(ValueError("boom"))
    except ValueError as e:
        print("throw ->", e)


run(raise_in())

for bad in (1, "x", object()):
    try:
        anext(bad, 0)
    except TypeError as e:
        print(e)
try:
    anext()
except TypeError as e:
    print(e)

import __future__
for name in __future__.all_feature_names:
    compile("", "<t>", "exec", getattr(__future__, name).compiler_flag)
print("future flags ok")
for flag in (0x100, 0x800, 0x8000, 0x40, 0x4000000):
    try:
        compile("", "<t>", "exec", flag)
    except ValueError as e:
        print(hex(flag), e)
