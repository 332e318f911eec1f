import dataclasses
from dataclasses import dataclass, field, asdict, astuple, replace, fields, KW_ONLY
@dataclass
class A:
    x: int
    y: int = 0
    z: list = field(default_factory=list)
a = A(1); print(a, a == A(1), asdict(a), astuple(a), replace(a, y=5), [f.name for f in fields(a)])
@dataclass(frozen=True)
class F:
    x: int
f = F(1); print(f, hash(f) == hash(F(1)))
try: f.x = 2
except dataclasses.FrozenInstanceError as e: print("frozen", e)
@dataclass(slots=True)
class S:
    a: int
    b: str = 'q'
s = S(1); print(s, S.__slots__, hasattr(s, '__dict__'))
@dataclass(kw_only=True)
class K:
    a: int
    b: int = 2
print(K(a=1))
@dataclass
class K2:
    a: int
    _: KW_ONLY
    b: int
print(K2(1, b=2))
@dataclass(order=True)
class O:
    a: int
print(O(1) < O(2), sorted([O(3), O(1)]))
@dataclass(slots=True, frozen=True)
class SF:
    a: int
print(SF(1), hash(SF(1)) == hash(SF(1)))
import copy, pickle
print(copy.deepcopy(a), pickle.loads(pickle.dumps(s)), pickle.loads(pickle.dumps(SF(3))))
@dataclass
class Sub(A):
    w: int = 9
print(Sub(1, 2, [], 3))
import inspect
print(inspect.signature(A), inspect.signature(K2))
