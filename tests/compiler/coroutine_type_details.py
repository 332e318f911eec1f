# coroutine/async generator type details: docstrings, async_generator[...] (PEP 585), and
# the stack seen from a delegate while throw() passes through await / yield from.
import types, traceback
ct, gt, at = types.CoroutineType, types.GeneratorType, types.AsyncGeneratorType
for t in (gt, ct, at):
    for name in ('send', 'throw', 'close', 'asend', 'athrow', 'aclose'):
        m = t.__dict__.get(name)
        if m is not None:
            print(t.__name__, name, repr(m.__doc__))
    for name in ('__name__', '__qualname__', 'gi_yieldfrom', 'cr_await', 'ag_await'):
        d = t.__dict__.get(name)
        if d is not None:
            print(t.__name__, name, repr(d.__doc__))
print(at[int], at[int, str].__args__, type(at[int]).__name__)

async def a():
    return await b()
async def b():
    return await c()
@types.coroutine
def c():
    try:
        yield [f.name for f in traceback.extract_stack()][-4:]
    except ZeroDivisionError:
        yield [f.name for f in traceback.extract_stack()][-4:]
coro = a()
print(coro.send(None))
print(coro.throw(ZeroDivisionError))
coro.close()

def outer():
    yield from inner()
def inner():
    try:
        yield 1
    except KeyError:
        yield [f.name for f in traceback.extract_stack()][-3:]
g = outer()
next(g)
print(g.throw(KeyError))
