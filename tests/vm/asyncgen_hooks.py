# sys.set_asyncgen_hooks: firstiter is called on an async generator's first
# __anext__/asend/athrow/aclose, the finalizer (instead of closing it) when an unfinished
# one is finalized; hooks are per thread; asyncio's shutdown_asyncgens relies on them
import asyncio
import gc
import sys
import threading

log = []


def firstiter(agen):
    log.append(('firstiter', agen.__name__))


def finalizer(agen):
    log.append(('finalizer', agen.__name__))
    try:
        agen.aclose().send(None)
    except StopIteration:
        log.append(('closed by finalizer', agen.__name__))


async def ag():
    try:
        yield 1
        yield 2
    finally:
        log.append('ag finally')


def drive(aw):
    try:
        aw.send(None)
    except StopIteration as e:
        return e.value


old = sys.get_asyncgen_hooks()
print(old)
sys.set_asyncgen_hooks(firstiter=firstiter, finalizer=finalizer)
print(sys.get_asyncgen_hooks().firstiter is firstiter)
g = ag()
log.append('created')
print(drive(g.__anext__()))
print(drive(g.asend(None)))
del g
gc.collect()
print(log)

# a finished generator is not given to the finalizer; athrow/aclose also start hooks
log.clear()
g2 = ag()
try:
    g2.athrow(ValueError).send(None)
except ValueError:
    log.append('athrow raised')
del g2
gc.collect()
print(log)

# a firstiter hook that raises: the error comes out of __anext__()
def bad_first(agen):
    raise RuntimeError('no iteration')


sys.set_asyncgen_hooks(firstiter=bad_first, finalizer=None)
try:
    ag().__anext__()
except RuntimeError as e:
    print('firstiter raised:', e)

# hooks are per thread
sys.set_asyncgen_hooks(firstiter=firstiter, finalizer=finalizer)
seen = []
t = threading.Thread(target=lambda: seen.append(sys.get_asyncgen_hooks()))
t.start()
t.join()
print(seen[0])
sys.set_asyncgen_hooks(*old)

# asyncio installs its own hooks and closes unfinished async generators at shutdown
events = []


async def ticker():
    try:
        for i in range(10):
            yield i
    finally:
        events.append('ticker closed')


async def main():
    t = ticker()
    events.append(await t.__anext__())
    events.append(sys.get_asyncgen_hooks().firstiter is not None)


asyncio.run(main())
print(events, sys.get_asyncgen_hooks() == old)
