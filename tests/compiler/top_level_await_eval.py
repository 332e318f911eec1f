# compile(..., PyCF_ALLOW_TOP_LEVEL_AWAIT) makes coroutine code; eval() of it returns the
# coroutine (what `python -m asyncio` relies on).
import ast, asyncio, contextlib, inspect
co = compile("await asyncio.sleep(0, 'x')", "<s>", "eval", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
print(bool(co.co_flags & inspect.CO_COROUTINE))
r = eval(co, {'asyncio': asyncio})
print(type(r).__name__, inspect.iscoroutine(r), r.__name__, r.__qualname__)
print(asyncio.run(r))
co = compile("x = [await asyncio.sleep(0, i) for i in range(3)]\nprint(x)", "<s>", "exec",
             flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
g = {'asyncio': asyncio}
asyncio.run(eval(co, g))
print(g['x'])
co = compile("1+1", "<s>", "eval", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
print(co.co_flags & inspect.CO_COROUTINE, eval(co))
async def ag():
    yield 1
    yield 2
co = compile("async for i in ag(): print(i)", "<s>", "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
asyncio.run(eval(co, {'ag': ag}))
@contextlib.asynccontextmanager
async def cm():
    yield 42
co = compile("async with cm() as v: print(v)", "<s>", "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
l = {}
asyncio.run(eval(co, {'cm': cm}, l))
print(l)
