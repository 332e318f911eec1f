import weakref, gc
class O:
    def __init__(self, n): self.n = n
    def __repr__(self): return f"O({self.n})"
o = O(1); r = weakref.ref(o, lambda ref: print("callback", ref is r)); print(r() is o, weakref.getweakrefcount(o))
del o; gc.collect(); print(r())
d = weakref.WeakValueDictionary(); k = O(2); d["a"] = k; print(list(d.keys())); del k; gc.collect(); print(list(d.keys()))
wk = weakref.WeakKeyDictionary(); k2 = O(3); wk[k2] = "v"; print(len(wk)); del k2; gc.collect(); print(len(wk))
ws = weakref.WeakSet(); a = O(4); ws.add(a); print(a in ws, len(ws)); del a; gc.collect(); print(len(ws))
x = O(5); p = weakref.proxy(x); print(p.n, repr(p.__class__)); del x; gc.collect()
try:
    p.n
except ReferenceError as e:
    print("ReferenceError", e)
class M:
    def meth(self): return "m"
m = M(); wm = weakref.WeakMethod(m.meth); print(wm()()); del m; gc.collect(); print(wm())
y = O(6); f = weakref.finalize(y, print, "finalized"); print(f.alive); del y; gc.collect(); print(f.alive)
try:
    weakref.ref(1)
except TypeError as e:
    print(e)
