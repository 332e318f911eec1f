# '__doc__' may be a slot (typing._SpecialForm relies on it); module reprs.
class A:
    __slots__ = ('__doc__', 'x')
a = A(); a.__doc__ = "hi"
print(a.__doc__, A.__doc__.__class__.__name__, sorted(A.__dict__))
class B:
    pass
print(B.__doc__, '__doc__' in B.__dict__)
class C:
    "docstring"
    __slots__ = ()
print(C.__doc__)
try:
    class E:
        "doc"
        __slots__ = ('__doc__',)
except ValueError as e:
    print(e)
import sys, types, math
print(sys, math)
print(types.ModuleType("mymod"))
m = types.ModuleType("m2"); m.__file__ = "/x/y.py"; print(m)
m.__loader__ = 5; print(m)
del m.__file__; print(m)
del m.__name__; print(m)
