# The number gc.collect() reports, as 3.11 counts it: objects freed, not the instance
# dicts 3.11 never allocates (attributes of a Python class's instances live in the
# object), and not objects a finalizer resurrected; get_stats()' collected agrees.
import gc


class A:
    def __init__(self):
        self.me = self


class Z(A):
    def __del__(self):
        zs.append(self)


class Pair:
    pass


zs = []
gc.collect()
gc.disable()


def collected():
    return gc.get_stats()[-1]["collected"]


for i in range(100):
    A()
c0 = collected()
print(gc.collect(), collected() - c0)

a, b = Pair(), Pair()
a.other, b.other = b, a
del a, b
print(gc.collect())

Z()
print(gc.collect(), len(zs))             # resurrected: nothing collected

for i in range(10):
    A()
Z()
print(gc.collect(), len(zs))

l = []
l.append(l)
d = {}
d["d"] = d
del l, d
print(gc.collect())

e = Pair()
e.d = e.__dict__                         # e is freed at once; the dict's self-cycle is left
del e
print(gc.collect())
f = Pair()
f.f = f
f.d = f.__dict__                         # a dict referenced twice is counted
del f
print(gc.collect())
gc.enable()
