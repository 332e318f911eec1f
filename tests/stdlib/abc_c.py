# abc picks up the C _abc: abstract methods, register, caches, __subclasshook__, tokens.
import abc, _abc, collections.abc
print(abc.ABCMeta.__module__, abc._abc_init is _abc._abc_init, type(abc.ABC._abc_impl).__name__)

class Base(abc.ABC):
    @abc.abstractmethod
    def f(self): ...
    @property
    @abc.abstractmethod
    def p(self): ...
    def g(self): return 1

class Half(Base):
    def f(self): return 2

class Full(Half):
    p = 3

print(sorted(Base.__abstractmethods__), sorted(Half.__abstractmethods__), Full.__abstractmethods__)
for cls in (Base, Half):
    try:
        cls()
    except TypeError as e:
        print(e)
print(Full().f(), Full().p)

class Plain: pass
tok = abc.get_cache_token()
print(isinstance(Plain(), Base), issubclass(Plain, Base))
print(Base.register(Plain) is Plain, abc.get_cache_token() == tok + 1)
print(isinstance(Plain(), Base), issubclass(Plain, Base), issubclass(Plain, Half))
class SubPlain(Plain): pass
print(issubclass(SubPlain, Base), isinstance(SubPlain(), Base))
print(Base.register(Plain) is Plain, abc.get_cache_token() == tok + 1)
try:
    Plain.register
except AttributeError as e:
    print("AttributeError")
try:
    Base.register(1)
except TypeError as e:
    print(e)
try:
    Half.register(Base)
except RuntimeError as e:
    print(e)
try:
    issubclass(1, Base)
except TypeError as e:
    print(e)

class Hooked(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Hooked:
            return hasattr(C, "quack")
        return NotImplemented
class Duck:
    def quack(self): pass
print(issubclass(Duck, Hooked), isinstance(Duck(), Hooked), issubclass(int, Hooked))
class Bad(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return 1
try:
    issubclass(int, Bad)
except AssertionError as e:
    print("AssertionError", e)

reg, cache, neg, ver = _abc._get_dump(Base)
print(sorted(r().__name__ for r in reg), sorted(r().__name__ for r in cache),
      sorted(r().__name__ for r in neg), isinstance(ver, int))
_abc._reset_caches(Base)
_abc._reset_registry(Base)
print([len(s) for s in _abc._get_dump(Base)[:3]], issubclass(Plain, Base))

# collections.abc and the Sequence/Mapping flags used by `match`
print(isinstance([], collections.abc.Sequence), isinstance({}, collections.abc.Mapping),
      isinstance(iter([]), collections.abc.Iterator), issubclass(dict, collections.abc.Hashable))
class MySeq:
    def __len__(self): return 2
    def __getitem__(self, i):
        if i >= 2: raise IndexError
        return i
collections.abc.Sequence.register(MySeq)
match MySeq():
    case [a, b]:
        print("sequence pattern", a, b)
    case _:
        print("no match")
try:
    class Both(metaclass=abc.ABCMeta):
        __abc_tpflags__ = (1 << 5) | (1 << 6)
except TypeError as e:
    print(e)
class Flagged(metaclass=abc.ABCMeta):
    __abc_tpflags__ = 1 << 5
print("__abc_tpflags__" in Flagged.__dict__)

# weak references: a dead registered class disappears from the registry
import gc
class Tmp: pass
Half.register(Tmp)
print(len(_abc._get_dump(Half)[0]))
del Tmp
gc.collect()
print(len(_abc._get_dump(Half)[0]))
print(_abc.get_cache_token.__doc__.splitlines()[0])
