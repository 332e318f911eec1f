import abc
class Base(abc.ABC):
    @abc.abstractmethod
    def f(self): ...
    @property
    @abc.abstractmethod
    def p(self): ...
    @classmethod
    @abc.abstractmethod
    def c(cls): ...
print(sorted(Base.__abstractmethods__))
try:
    Base()
except TypeError as e:
    print(e)
class Impl(Base):
    def f(self): return "f"
    p = property(lambda self: "p")
    @classmethod
    def c(cls): return "c"
i = Impl(); print(i.f(), i.p, Impl.c(), isinstance(i, Base), Impl.__abstractmethods__)
class Half(Base):
    def f(self): return 1
try:
    Half()
except TypeError as e:
    print(e)
class Reg(metaclass=abc.ABCMeta): pass
Reg.register(int); print(isinstance(3, Reg), issubclass(bool, Reg), issubclass(str, Reg), abc.get_cache_token() is not None)
class Hook(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C): return True if hasattr(C, "quack") else NotImplemented
class Duck:
    def quack(self): pass
print(isinstance(Duck(), Hook), isinstance(1, Hook), type(Base).__name__)
class Late(abc.ABC):
    pass
Late.g = abc.abstractmethod(lambda self: 0); abc.update_abstractmethods(Late); print(Late.__abstractmethods__)
