# compile(..., flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT) (asyncio's REPL, IPython): await,
# async for, async with and async comprehensions are allowed at the top level, and the
# module code becomes a coroutine code object (CO_COROUTINE) when it uses them.
import ast
import inspect

FLAG = ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
sources = ['a = await x', 'async for i in y: pass\n', 'async with y: pass\n',
           '[i async for i in y]', '(i async for i in y)', '(await i for i in y)',
           '[await i for i in y]', 'x = 1', 'def f(): await x', 'async def f(): await x',
           'lambda: await x', 'class C:\n    await x\n', 'if x:\n    await x\n',
           'async for i in y: pass', 'return await x', 'yield 1']
for src in sources:
    for mode in ('exec', 'single'):
        try:
            co = compile(src, '<s>', mode, flags=FLAG)
            print(mode, repr(src), bool(co.co_flags & inspect.CO_COROUTINE))
        except SyntaxError as e:
            print(mode, repr(src), 'SyntaxError:', e.msg)
for src in ('await x', '[i async for i in y]', '(await i for i in y)', 'x'):
    co = compile(src, '<s>', 'eval', flags=FLAG)
    print('eval', repr(src), bool(co.co_flags & inspect.CO_COROUTINE))
for src in ('await x', 'async with y: pass\n', '[i async for i in y]'):
    try:
        compile(src, '<s>', 'exec')
    except SyntaxError as e:
        print('without flag', repr(src), 'SyntaxError:', e.msg)
