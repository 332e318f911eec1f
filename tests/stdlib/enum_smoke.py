import enum
from enum import Enum, IntEnum, Flag, IntFlag, auto, unique, StrEnum
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
print(Color.RED, repr(Color.GREEN), Color(2), Color["BLUE"], Color.CRIMSON is Color.RED, list(Color), len(Color))
print(Color.RED.name, Color.RED.value, Color.RED in Color, [m.name for m in Color.__members__.values()], Color.__members__.keys())
class N(IntEnum):
    A = auto()
    B = auto()
print(N.A + 1, N.B == 2, repr(N.B), str(N.A), format(N.A), sorted([N.B, N.A]))
class P(Flag):
    R = auto(); W = auto(); X = auto()
rw = P.R | P.W; print(rw, repr(rw), P.R in rw, P.X in rw, list(rw), ~P.R, bool(P(0)), P(7))
class Perm(IntFlag):
    R = 4; W = 2; X = 1
print(Perm.R | Perm.X, Perm(5), repr(Perm(8)) if False else "", Perm.R & 6, int(Perm.W | Perm.X))
class S(StrEnum):
    A = auto(); B = "bee"
print(S.A, S.B, S.A == "a", S.B.upper())
try:
    @unique
    class U(Enum):
        A = 1; B = 1
except ValueError as e:
    print(e)
try:
    Color(9)
except ValueError as e:
    print(e)
Animal = Enum("Animal", "ANT BEE CAT"); print(list(Animal), Animal.BEE.value)
class Planet(Enum):
    EARTH = (5.97e24, 6.37e6)
    def __init__(self, mass, radius): self.mass = mass; self.radius = radius
    @property
    def g(self): return 6.67e-11 * self.mass / self.radius ** 2
print(round(Planet.EARTH.g, 3), Planet.EARTH.mass)
class Sh(Enum):
    _ignore_ = ["x"]
    A = 1
    def describe(self): return f"{self.name}!"
    @classmethod
    def first(cls): return next(iter(cls))
print(Sh.A.describe(), Sh.first(), enum.EnumType.__name__, isinstance(Color.RED, Color), hash(Color.RED) == hash(Color.RED))
