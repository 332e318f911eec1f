# ast.parse(..., feature_version=(3, N)): 3.11's "... only supported in Python 3.X and
# greater" errors, with their positions; compile() without PyCF_ONLY_AST ignores it.
import ast

SOURCES = [
    "async def f(): await x",
    "async def f():\n    pass\n",
    "async def f():\n    async for a in b: pass\n",
    "async def f():\n    async with a: pass",
    "async def f():\n    async with (a as b, c): pass\n",
    "async def f():\n    return [a async for a in b]\n",
    "a @ b",
    "a @= b",
    "x: int = 1",
    "x: int",
    "f'{x}'",
    "print(f'{x!r}', 1)",
    "f'{x=}'",
    "(x := 1)",
    "def f(a, /): pass",
    "def f(a, /, b=1, *, c): pass",
    "lambda a, /: a",
    "with (a as b, c as d): pass",
    "with (a, b): pass",
    "match x:\n    case 1: pass\n",
    "try:\n    pass\nexcept* E:\n    pass\n",
    "x = 1",
]

for minor in (4, 5, 6, 7, 8, 9, 10, 11):
    print("3.%d" % minor)
    for src in SOURCES:
        try:
            ast.parse(src, feature_version=(3, minor))
        except SyntaxError as e:
            print("  %-45r %s %s" % (src, e.msg, (e.lineno, e.offset, e.end_lineno, e.end_offset)))

# only ast.parse honours it
print(compile("(x := 1)", "<fv>", "exec", _feature_version=4) is not None)
print(ast.dump(ast.parse("(x := 1)", feature_version=8)))
