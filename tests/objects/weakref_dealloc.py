# weak references to instances, classes, modules and slotted objects die with them
import _weakref
import sys
class A:
    pass
a = A()
r = _weakref.ref(a)
print(r() is a)
del a
print(r())
m = type(sys)("m")
r3 = _weakref.ref(m)
del m
print(r3())
class S:
    __slots__ = ("__weakref__",)
s = S()
r4 = _weakref.ref(s)
del s
print(r4())
called = []
class C:
    pass
c = C()
r5 = _weakref.ref(c, lambda ref: called.append(ref() is None))
del c
print(called)
ga = list[int]
r6 = _weakref.ref(ga)
print(r6() is ga)
del ga
print(r6())
