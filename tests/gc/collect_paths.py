# The collector's paths through the unreachable set: plain cycles (no finalizer, no
# weakref), cycles holding weakrefs with callbacks, objects with weakrefs to them, a
# finalizer that resurrects, a finalizer that does not, and a mix in one collection —
# the counts gc.collect() returns and what survives, as in 3.11.
import gc
import weakref

gc.disable()


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None


def pair(cls=Node):
    a, b = cls("a"), cls("b")
    a.other, b.other = b, a
    return a, b


gc.collect()
pair()
print("plain pair:", gc.collect())

for _ in range(3):
    pair()
print("three pairs:", gc.collect())

# a list cycle and a dict cycle
l = []
l.append(l)
d = {}
d["d"] = d
del l, d
print("list + dict:", gc.collect())

# a weakref to an object of the cycle, held from outside: cleared, callback called
seen = []
a, b = pair()
r = weakref.ref(a, lambda ref: seen.append("callback"))
del a, b
print("with outside weakref:", gc.collect(), seen, r())

# a weakref inside the trash: its callback is not called
seen.clear()
a, b = pair()
a.ref = weakref.ref(b, lambda ref: seen.append("inner callback"))
del a, b
print("weakref in the trash:", gc.collect(), seen)


# a finalizer that does not resurrect
class Fin(Node):
    def __del__(self):
        seen.append("del " + self.name)


seen.clear()
pair(Fin)
print("finalizers:", gc.collect(), sorted(seen))

# a finalizer that resurrects its object (and so the whole cycle)
keep = []


class Resurrect(Node):
    def __del__(self):
        keep.append(self)


pair(Resurrect)
print("resurrected:", gc.collect(), len(keep), sorted(o.name for o in keep))
keep.clear()
print("second time (finalizers ran already):", gc.collect())

# everything in one collection
seen.clear()
pair()
pair(Fin)
x, y = pair()
r2 = weakref.ref(x, lambda ref: seen.append("cb"))
del x, y
l = [1]
l.append(l)
del l
print("mixed:", gc.collect(), sorted(seen), r2())
print("nothing left:", gc.collect())
gc.enable()
