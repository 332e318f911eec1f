import enum
from enum import Enum, IntEnum, Flag, IntFlag, StrEnum, auto, unique
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = auto()
print(Color.RED, repr(Color.GREEN), Color(3), Color['RED'], list(Color), len(Color), Color.RED.name, Color.RED.value)
print(Color.RED in Color, isinstance(Color.RED, Color), type(Color), Color.__members__)
class N(IntEnum):
    A = 1
    B = 2
print(N.A + 1, N.B == 2, repr(N.A), str(N.A), format(N.A), f"{N.B}")
class Perm(Flag):
    R = 4
    W = 2
    X = 1
print(Perm.R | Perm.W, repr(Perm.R | Perm.W), Perm(7), ~Perm.R, list(Perm.R | Perm.X), Perm(0))
class IP(IntFlag):
    A = 1
    B = 2
print(IP.A | IP.B, repr(IP.A | 4), IP.A | 8)
class S(StrEnum):
    X = auto()
    Y = 'why'
print(S.X, repr(S.Y), S.X.upper(), S('why'))
class M(Enum):
    A = 1
    @classmethod
    def _missing_(cls, value):
        return cls.A
print(M(99))
try: Color(9)
except ValueError as e: print(e)
try:
    @unique
    class U(Enum):
        a = 1
        b = 1
except ValueError as e: print(e)
class Planet(Enum):
    EARTH = (5.97e24, 6.37e6)
    def __init__(self, mass, radius):
        self.mass = mass
    @property
    def g(self): return self.mass
print(Planet.EARTH.g, Planet.EARTH.value)
print(dir(Color.RED))
print(sorted(dir(Color)))
import pickle; print(pickle.loads(pickle.dumps(Color.RED)) is Color.RED)
Animal = Enum('Animal', 'ANT BEE')
print(list(Animal), Animal.ANT.__class__.__qualname__)
print(hash(Color.RED) == hash('RED'), Color.RED.__reduce_ex__(4))
