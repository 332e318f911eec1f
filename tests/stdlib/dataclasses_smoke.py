import dataclasses
from dataclasses import dataclass, field, asdict, astuple, replace, fields, FrozenInstanceError, InitVar
@dataclass
class Pt:
    x: int
    y: int = 0
    tags: list = field(default_factory=list, repr=False)
p = Pt(1); print(p, p == Pt(1), Pt(1, 2) != p, asdict(p), astuple(p), replace(p, y=9), [f.name for f in fields(Pt)])
@dataclass(order=True, frozen=True)
class V:
    a: int
    b: str = "z"
print(sorted([V(2), V(1, "b"), V(1, "a")]), hash(V(1)) == hash(V(1)))
try:
    V(1).a = 2
except FrozenInstanceError as e:
    print("FrozenInstanceError", e)
@dataclass
class WithPost:
    a: int
    scale: InitVar[int] = 1
    b: int = field(init=False)
    def __post_init__(self, scale): self.b = self.a * scale
print(WithPost(3, 4), dataclasses.is_dataclass(WithPost), dataclasses.is_dataclass(3))
@dataclass(slots=True, kw_only=True)
class K:
    u: int
    v: int = 2
print(K(u=1), K.__slots__, hasattr(K(u=1), "__dict__"))
@dataclass
class Child(Pt):
    z: int = 5
print(Child(1, 2, [], 3), Child.__match_args__)
C = dataclasses.make_dataclass("C", [("q", int), ("r", str, field(default="r"))]); print(C(1), C.__annotations__ if False else "")
try:
    @dataclass
    class Bad:
        a: int = 0
        b: int
except TypeError as e:
    print(e)
try:
    @dataclass
    class Mut:
        a: list = []
except ValueError as e:
    print(e)
print(repr(Pt.__init__.__doc__), Pt.__eq__.__qualname__)
