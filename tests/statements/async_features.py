# async def / await / async for / async with / async comprehensions / async generators,
# driven by hand (no event loop): send(None) until StopIteration.
import types

@types.coroutine
def sleep0(tag):
    got = yield tag
    return got

def run(coro):
    """Drive coro, answering each yielded tag with tag + '!'; return its result."""
    value = None
    trace = []
    try:
        while True:
            tag = coro.send(value)
            trace.append(tag)
            value = str(tag) + "!"
    except StopIteration as e:
        if trace:
            print("  yielded:", trace)
        return e.value

class AIter:
    def __init__(self, n): self.n, self.i = n, 0
    def __aiter__(self): return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        await sleep0(("anext", self.i))
        return self.i

class ACM:
    def __init__(self, name, suppress=False): self.name, self.suppress = name, suppress
    async def __aenter__(self):
        print("enter", self.name, await sleep0("aenter"))
        return self.name.upper()
    async def __aexit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None, v)
        return self.suppress

async def agen(n):
    for i in range(n):
        got = yield i * 10
        if got is not None:
            print("agen got", got)
    print("agen done")

async def main():
    async for x in AIter(2):
        print("x", x)
    else:
        print("for-else")
    async with ACM("a") as v, ACM("b") as w:
        print("body", v, w)
    async with ACM("s", suppress=True):
        raise KeyError("suppressed")
    try:
        async with ACM("p"):
            raise ValueError("propagates")
    except ValueError as e:
        print("caught", e)
    print([y async for y in agen(3)])
    print({k: k * 2 async for k in AIter(2) if k > 1})
    print([await sleep0(i) for i in range(2)])
    g = (z + 1 async for z in agen(2))
    print(type(g).__name__, [q async for q in g])
    for i in range(3):
        async for x in AIter(3):
            if x == 2:
                break
        else:
            print("no")
    print("break ok", x)
    return "main result"

print("result:", run(main()))

# async generator protocol by hand
async def protocol():
    g = agen(3)
    print(type(g).__name__, g.__aiter__() is g)
    print(await g.__anext__())
    print(await g.asend("hello"))
    try:
        await g.athrow(ValueError, ValueError("thrown"))
    except ValueError as e:
        print("athrow raised", e)
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("exhausted")
    g2 = agen(5)
    print(await g2.__anext__())
    print(await g2.aclose())
    try:
        await g2.__anext__()
    except StopAsyncIteration:
        print("closed")
    aw = g2.__anext__()
    print(type(aw).__name__, type(g2.aclose()).__name__)
    aw.close()

    async def ignores():
        try:
            yield 1
        except GeneratorExit:
            yield 2
    g3 = ignores()
    await g3.__anext__()
    try:
        await g3.aclose()
    except RuntimeError as e:
        print("RuntimeError", e)

    async def returns_early():
        yield 1
        raise StopAsyncIteration
    try:
        async for _ in returns_early():
            pass
    except RuntimeError as e:
        print("RuntimeError", e)
run(protocol())

# errors
async def errors():
    try:
        async for x in 5:
            pass
    except TypeError as e:
        print("TypeError", e)
    try:
        async with object():
            pass
    except TypeError as e:
        print("TypeError", e)
    try:
        await 3
    except TypeError as e:
        print("TypeError", e)
run(errors())

c = main()
print(type(c).__name__, c.cr_running, c.cr_await, c.cr_code.co_name)
c.close()

for src in ("async def f():\n  yield 1\n  return 2\n",
            "def f():\n  async for x in y: pass\n",
            "def f():\n  async with x: pass\n",
            "def f():\n  return [x async for x in y]\n",
            "def f():\n  await x\n"):
    try:
        compile(src, "<s>", "exec")
        print("compiled")
    except SyntaxError as e:
        print("SyntaxError", e.msg, e.lineno)
