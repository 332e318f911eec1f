# weak references to live objects: ref identity, counts, proxies, errors
import _weakref
class A: pass
a = A(); w = _weakref.ref(a); print(w() is a, _weakref.getweakrefcount(a), w == _weakref.ref(a), w is _weakref.ref(a))
cb = lambda r: None
w2 = _weakref.ref(a, cb); print(_weakref.getweakrefcount(a), w2 is not w, w2.__callback__ is cb)
p = _weakref.proxy(a); a.x = 5; print(p.x, str(p) == str(a))
p.y = 7; print(a.y)
print(hash(w) == hash(a))
try: _weakref.ref(1)
except TypeError as e: print(e)
try: hash(p)
except TypeError as e: print(e)
