# ast.parse(..., type_comments=True): TYPE_COMMENT on assignments, for, with, def
# (same line or the line after), parameters, and `# type: ignore[tag]` lines.
import ast

SOURCES = [
    "x = 1  # type: int\n",
    "a = b = []  #type:List[int]   \n",
    "x: int = 1  # type: ignore\n",
    "for i in y:  # type: int\n    pass\nelse:\n    pass\n",
    "async def f():\n    async for i in y:  # type: int\n        pass\n    async with a as b:  # type: str\n        pass\n",
    "with a as b, c:  # type: (int, str)\n    pass\n",
    "with (a as b):  # type: int\n    pass\n",
    "def f(a,  # type: int\n      b=1,  # type: str\n      *args,  # type: float\n      c,  # type: bool\n      **kw  # type: dict\n      ):\n    # type: (...) -> None\n    pass\n",
    "def g(): # type: () -> int\n    return 1\n",
    "def h(a  # type: int\n      ):\n    pass\n",
    "import x  # type: ignore\ny = 2  # type: ignore[attr-defined]\n# type: ignore\nz = 3  # type: ignored\n",
    "x = 1  # type: ignore # other\n",
    "x = [1,  # type: int\n  2]\n",
    "f(x)  # type: int\n",
    "def f(a, /, # type: int\n b): pass\n",
    "def f():  # type: () -> None\n    # type: () -> int\n    pass\n",
    "def f():\n  # type: int\n  # type: int\n  pass\n",
    "lambda a,  # type: int\n b: 0\n",
    "x = 1  # type:int\n",
    "class C:  # type: ignore\n    x = 1  # type: int\n",
]

for src in SOURCES:
    print(repr(src))
    try:
        tree = ast.parse(src, type_comments=True)
    except SyntaxError as e:
        print("  SyntaxError:", e.msg, (e.lineno, e.offset, e.end_lineno, e.end_offset))
        continue
    print(" ", ast.dump(tree, include_attributes=True))
    # without the flag the comments are plain comments
    plain = ast.parse(src)
    print("  plain:", ast.dump(plain) == ast.dump(ast.parse(src, type_comments=False)),
          plain.type_ignores)

print(ast.dump(ast.parse("(int, str) -> List[int]", mode="func_type")))
print(ast.dump(ast.parse("(*int, **str) -> None", mode="func_type")))
print(ast.dump(ast.parse("() -> None", mode="func_type")))
code = compile("x = 1  # type: int\n", "<tc>", "exec", ast.PyCF_TYPE_COMMENTS)
ns = {}
exec(code, ns)
print(ns["x"])
