import sys, asyncio
print(sys.get_asyncgen_hooks())
sys.set_asyncgen_hooks(firstiter=print, finalizer=None)
h = sys.get_asyncgen_hooks(); print(h.firstiter is print, h.finalizer, type(h).__name__, len(h))
for kw in [{"firstiter": 1}, {"finalizer": "x"}, {"bogus": 1}]:
    try: sys.set_asyncgen_hooks(**kw)
    except TypeError as e: print(e)
sys.set_asyncgen_hooks(None, None); print(sys.get_asyncgen_hooks())
async def main():
    await asyncio.sleep(0.01)
    return 42
print(asyncio.run(main()))
async def agen():
    for i in range(3):
        yield i
async def main2():
    return [x async for x in agen()]
print(asyncio.run(main2()), sys.get_asyncgen_hooks())
