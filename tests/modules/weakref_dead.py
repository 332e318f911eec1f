# weak references die with their referent; callbacks run
import weakref
class A: pass
a = A(); r = weakref.ref(a, lambda ref: print("callback", ref is r)); del a
print(r(), repr(r).endswith("; dead>"))
def f(): pass
r2 = weakref.ref(f); del f; print(r2())
