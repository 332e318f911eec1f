# PEP 563 through compile()/exec(): flag inheritance, dont_inherit, errors in annotations.
import __future__
FLAG = __future__.annotations.compiler_flag
SRC = "def f(a: int) -> str: pass\nprint(f.__annotations__)"
exec(SRC)
exec(compile(SRC, "s", "exec", flags=FLAG))
exec(compile(SRC, "s", "exec", flags=FLAG, dont_inherit=True))
exec(compile("from __future__ import annotations\n" + SRC, "s", "exec"))
co = compile("from __future__ import annotations\nx: list[int]\nprint(__annotations__)", "s", "exec")
print(bool(co.co_flags & FLAG))
exec(co, {})
# code compiled inside a module that has the future import inherits it
inner = '''from __future__ import annotations
SRC = "def f(a: int) -> str: pass\\nprint(f.__annotations__)"
exec(SRC)
ns = {}
exec(compile(SRC, "s", "exec", dont_inherit=True), ns)
print(bool(compile("pass", "s", "exec").co_flags & FLAG))
print(bool(compile("pass", "s", "exec", dont_inherit=True).co_flags & FLAG))
def outer():
    x = 1
    def inner(a: x) -> x: pass
    return inner
print(outer.__code__.co_cellvars, outer().__annotations__)
'''
exec(compile(inner, "inner", "exec"), {"FLAG": FLAG})
for src in ["def f(a: (yield)): pass", "def f(a: (x := 1)): pass",
            "async def f(a: await x): pass", "def g(a: (yield from x)): pass",
            "x: (yield)", "class C:\n  x: (await y)", "def f(a: [(yield) for a in b]): pass",
            "def f() -> (yield): pass", "def f(*a: *b): pass"]:
    for flags in (0, FLAG):
        try:
            compile(src, "s", "exec", flags=flags, dont_inherit=True)
            print("ok")
        except SyntaxError as e:
            print(e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
