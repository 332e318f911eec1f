# issubclass() through a __bases__ cycle ends in RecursionError (bpo-30570), and
# BaseException.__setstate__ holds its own references (gh-97591); exception types'
# dicts hold what 3.11's do.
import sys

class X:
    @property
    def __bases__(self):
        return (self, self, self)
old = sys.getrecursionlimit()
sys.setrecursionlimit(100)
try:
    issubclass(X(), int)
except RecursionError:
    print("RecursionError")
finally:
    sys.setrecursionlimit(old)

d = {}
class Key(str):
    def __hash__(self):
        d.clear()
        return super().__hash__()
class Value(str):
    pass
exc = Exception()
d[Key()] = Value()
try:
    exc.__setstate__(d)
except RuntimeError as e:
    print("RuntimeError", e)
print("survived")

for t in (AttributeError, ImportError, KeyError, ModuleNotFoundError, NameError, StopIteration,
          SyntaxError, SystemExit, OSError, BaseExceptionGroup):
    print(t.__name__, sorted(k for k in vars(t) if k in ("__new__", "__init__", "__str__")))
print(ExceptionGroup.__new__ is BaseExceptionGroup.__new__, BaseExceptionGroup[int])
print(ModuleNotFoundError("m", name="x"), repr(KeyError("k")), str(KeyError("k")))
