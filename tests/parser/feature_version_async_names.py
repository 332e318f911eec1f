# ast.parse(feature_version < (3, 7)): `async`/`await` are keywords only in `async def` and in
# an async function's body (3.11's tokenizer async_hacks); elsewhere they are plain names.
import ast
sources = [
    "async = 12\nawait = 13\n",
    "async def foo():\n    return await bar()\n",
    "async def foo():  # type: () -> int\n    return await bar()\n",
    "async def foo():\n    # type: () -> int\n    return await bar()\n",
    "async def foo(xs):\n    [x async for x in xs]\n",
    "async def f(): return await x\nasync = 1\n",
    "def f():\n    await = 1\n    return await\n",
    "async def f():\n    def g():\n        return await x\n",
    "async def f():\n    if x:\n        await y\n    await z\nprint(async, await)\n",
    "class C:\n    async def m(self):\n        await x\n    async = 3\n",
    "async with a: pass\n",
    "x = [i async for i in y]\n",
    "await x\n",
]
for src in sources:
    for fv in (4, 5, 6, 7, 11):
        try:
            tree = ast.parse(src, feature_version=(3, fv), type_comments=True)
            out = ast.dump(tree)
            print(fv, "ok", len(out), out[:70])
        except SyntaxError as e:
            print(fv, "SyntaxError", e.msg, e.lineno, e.offset)
