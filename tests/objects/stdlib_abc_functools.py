import abc, inspect, functools
class Base(abc.ABC):
    @abc.abstractmethod
    def f(self): ...
    @property
    @abc.abstractmethod
    def p(self): ...
try: Base()
except TypeError as e: print(e)
class Impl(Base):
    def f(self): return 1
    p = 3
print(Impl().f(), Base.__abstractmethods__, Impl.__abstractmethods__)
class Reg(abc.ABC): pass
Reg.register(int); print(isinstance(1, Reg), issubclass(bool, Reg), issubclass(str, Reg))
from collections.abc import Iterable, Sized, Mapping, Sequence, Hashable, Callable
print(isinstance([], Iterable), isinstance({}, Mapping), isinstance((), Sequence), isinstance([], Hashable), isinstance(len, Callable))
class MySized:
    def __len__(self): return 0
print(isinstance(MySized(), Sized))
def g(a, b: int = 2, *args, c, d=4, **kw) -> str: pass
print(inspect.signature(g))
print(inspect.isfunction(g), inspect.isbuiltin(len), inspect.ismethod(Impl().f), inspect.isclass(Impl), inspect.getmro(Impl))
print([n for n, _ in inspect.getmembers(Impl, inspect.isfunction)])
print(inspect.getsource(g).strip()[:20])
@functools.singledispatch
def sd(x): return "obj"
@sd.register
def _(x: int): return "int"
@sd.register(list)
def _(x): return "list"
print(sd(1), sd([]), sd("s"), sd(True))
class CP:
    @functools.cached_property
    def v(self): print("compute"); return 5
c = CP(); print(c.v, c.v)
@functools.total_ordering
class TO:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(TO(1) <= TO(2), TO(3) > TO(2), TO(1) >= TO(1))
def deco(f):
    @functools.wraps(f)
    def w(*a): return f(*a)
    return w
@deco
def hello(x):
    "doc"
    return x
print(hello.__name__, hello.__doc__, hello.__wrapped__ is not hello, inspect.signature(hello))
print(functools.partial(pow, 2)(5), functools.reduce(lambda a, b: a + b, [1, 2, 3]), functools.lru_cache()(lambda x: x)(3))
print(repr(functools.partial(pow, 2)))
