# Weak references to objects in a collected cycle are cleared before finalizers run;
# callbacks of live weakrefs run, callbacks of weakrefs that are garbage themselves don't.
import gc
import weakref
gc.disable()

class A:
    def __del__(self):
        print("del A, weakref now:", wr())

def cb(ref):
    print("callback, referent:", ref())

a = A(); a.self = a
wr = weakref.ref(a, cb)
del a
gc.collect()
print("wr dead:", wr() is None)

class B:
    pass

b = B(); b.self = b
b.wr = weakref.ref(b, lambda r: print("never called"))
del b
gc.collect()
print("garbage weakref: no callback")

# WeakValueDictionary entries disappear on collection.
d = weakref.WeakValueDictionary()
c = B(); c.self = c
d["k"] = c
del c
print(len(d))
gc.collect()
print(len(d))

# A finalizer can't see the dead object through a weakref either.
class C:
    pass

c1 = C(); c2 = C()
c1.other = c2; c2.other = c1
r1 = weakref.ref(c1, lambda r: print("r1 callback"))
r2 = weakref.ref(c2, lambda r: print("r2 callback"))
del c1, c2
gc.collect()
print(r1(), r2())

# ref() takes no keyword arguments (its __init__ refuses them); a subclass with its own
# __init__ may take some
import weakref as _w
class _C:
    pass
_c = _C()
try:
    _w.ref(_c, callback=None)
except TypeError as e:
    print(e)
class _R(_w.ref):
    def __init__(self, o, cb=None, **kw):
        super().__init__(o, cb)
        self.kw = kw
print(_R(_c, a=1).kw)
