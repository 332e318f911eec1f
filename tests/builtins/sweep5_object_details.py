# Session 5 sweep: ModuleType.__new__ gives a module with an empty dict; bytearray.extend
# propagates __len__/__length_hint__ errors; sys.getsizeof looks __sizeof__ up on the type.
import sys, types
m = types.ModuleType.__new__(types.ModuleType)
print(type(m.__dict__).__name__, m.__dict__)
try:
    m.__name__
except AttributeError as e:
    print("AttributeError", e)
print(repr(m))
m.__init__("late", "doc")
print(sorted(m.__dict__), m.__name__, m.__doc__)
class Sub(types.ModuleType):
    pass
s = Sub.__new__(Sub)
print(type(s.__dict__).__name__, s.__dict__)

class BadLen:
    def __iter__(self): return iter(range(3))
    def __len__(self): raise RuntimeError('len')
class BadHint:
    def __iter__(self): return iter(range(3))
    def __length_hint__(self): raise RuntimeError('hint')
class TypeErrHint:
    def __iter__(self): return iter(range(3))
    def __length_hint__(self): raise TypeError('ignored')
class NegHint:
    def __iter__(self): return iter(range(3))
    def __length_hint__(self): return -1
for o in (BadLen(), BadHint(), TypeErrHint(), NegHint()):
    for target in (bytearray(b'x'), [0]):
        try:
            target.extend(o)
            print(type(target).__name__, target)
        except (RuntimeError, ValueError) as e:
            print(type(target).__name__, type(e).__name__, e, target)

class X:
    def __getattribute__(self, a):
        raise AssertionError("__getattribute__ called with " + a)
    def __sizeof__(self):
        return 42
print(sys.getsizeof(X()) >= 42)
class Y:
    pass
y = Y()
y.__sizeof__ = lambda: 10**6       # an instance attribute is not the special method
print(sys.getsizeof(y) < 1000)

# bytes has no __sizeof__ of its own (object's gives basicsize + len, for subclasses too)
class B(bytes):
    pass
print('__sizeof__' in bytes.__dict__, sys.getsizeof(b''), sys.getsizeof(b'abc'),
      sys.getsizeof(B(b'abc')), B(b'abc').__sizeof__(), b'xy'.__sizeof__())
