# PEP 563: annotations kept as source text, unparsed exactly as 3.11 does.
from __future__ import annotations
import sys
def show(f):
    for k, v in f.__annotations__.items():
        print(k, repr(v))
def f1(a: int, b: list[int], c: "str", d: dict[str, list[int | None]], *args: *Ts, e: a.b.c = 1, **kw: Callable[..., T]) -> None: pass
show(f1)
def f2(a: 1 + 2 * 3, b: (1 + 2) * 3, c: -x ** 2, d: (-x) ** 2, e: x ** -y, f: 2 ** 3 ** 4, g: (2 ** 3) ** 4) -> not a: pass
show(f2)
def f3(a: lambda: 1, b: lambda x, y=2, *z, k, **kw: x, c: lambda *a: 0, d: lambda *, k: 0, e: lambda a, /, b: 0) -> x if y else z: pass
show(f3)
def f4(a: f"x{y!r:>{w}}z{{}}", b: f"{x=}", c: f'{"a"}', d: f"{ {1: 2} }", e: f"{(lambda: 1)}", f: 'a"b', g: "a'b", h: b"\x00\n", i: u"x") -> 1e400: pass
show(f4)
def f5(a: x[1:2], b: x[1:2:3], c: x[:, 1], d: x[::], e: x[()], f: x[(1,)], g: x[1, 2], h: x[*a], i: x[a, *b]): pass
show(f5)
def f6(a: [x for x in y if z], b: {x: y for x, y in z}, c: {x for x in y}, d: (x for x in y), e: f(x for x in y), f: f(a, *b, c=1, **d), g: 1 .real, h: 1.0.real): pass
show(f6)
def f7(a: (a, b), b: (a,), c: (), d: [a, *b], e: {**a, 'b': 1}, f: {1, 2}, g: a < b < c, h: a is not b, i: a not in b, j: not a or b and c, k: (a or b) and c, l: ~a | b ^ c & d << e >> f, m: a @ b // c % d / e, n: ..., o: 1j, p: -1e400j, q: True, r: None) -> x: pass
show(f7)
x: int = 5
y: List[int]
class C:
    z: "C"
    w: ClassVar[int] = 3
    def m(self) -> C: pass
print(__annotations__)
print(C.__annotations__)
show(C.m)

# annotations on class/module level keep evaluation order of the value
def g() -> dict[str, "C"] | None: ...
show(g)
async def h(a: int = 1, /, b: str = "x", *, c: tuple[int, ...] = ()) -> list[a | b]: ...
show(h)
print(h.__defaults__, h.__kwdefaults__)
import dataclasses, typing
@dataclasses.dataclass
class P:
    x: int
    y: list[int] = dataclasses.field(default_factory=list)
    z: typing.ClassVar[int] = 3
print(P(1), P.__annotations__, [f.type for f in dataclasses.fields(P)])
print(typing.get_type_hints(P))
import __future__
print(bool(g.__code__.co_flags & __future__.annotations.compiler_flag))
