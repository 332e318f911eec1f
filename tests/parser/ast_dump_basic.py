# The AST of common statements and expressions, with positions.
import ast
SRC = [
    "x = 1 + 2 * 3",
    "def f(a, /, b=2, *args, c, d=4, **kw) -> int:\n    return a\n",
    "@dec\nclass C(B, metaclass=M):\n    x: int = 0\n",
    "for i, j in zip(a, b):\n    pass\nelse:\n    break_ = 1\n",
    "try:\n    f()\nexcept (A, B) as e:\n    raise X from e\nfinally:\n    g()\n",
    "with (open(a) as f, open(b)):\n    pass\n",
    "y = [i for i in range(10) if i % 2]\nz = {k: v for k, v in d.items()}\n",
    "s = f'{x!r:>{w}} {y=}' 'tail'\n",
    "match p:\n    case [1, *rest] | {'k': _}:\n        pass\n    case Point(x=0) as q if q:\n        pass\n",
    "lambda x, *, y=1: (yield)\n",
    "a[1:2, ::3] = b.c(*d, **e)\n",
    "async def g():\n    async with a as b:\n        await c\n    async for x in y:\n        pass\n",
]
for src in SRC:
    print(ast.dump(ast.parse(src), include_attributes=True))
