# Audit events of type/instance special attributes and of gc introspection (test_audit),
# and a smoke check of _PyType_Lookup's cache holding only interned names (the fresh str
# a C caller such as _io makes per call must not stay alive in it, pinning an allocator
# block; this bounded-growth check passes with or without that fix).
import gc, io, os, sys, tempfile

events = []
def hook(event, args):
    if event in ("object.__setattr__", "gc.get_objects", "gc.get_referrers",
                 "gc.get_referents"):
        events.append((event, [a if isinstance(a, (str, int)) else type(a).__name__
                               for a in args]))
sys.addaudithook(hook)

class A: pass
class B: pass
class C(A): pass
C.__name__ = "X"
C.__bases__ = (B,)
a = A()
a.__class__ = B
a.x = 1            # ordinary attributes: no event
C.y = 2
gc.get_objects()
gc.get_objects(generation=1)
gc.get_referrers(a)
gc.get_referents(a, C)
for e in events:
    print(e)

fd, path = tempfile.mkstemp()
with os.fdopen(fd, "w") as f:
    for i in range(20000):
        f.write("line %d\n" % i)
def readall():
    with open(path) as f:
        x = f.readlines()
    with open(path, "rb") as f:
        y = f.read()
    return len(x), len(y)
print(readall())
gc.collect()
before = sys.getallocatedblocks()
for _ in range(5):
    readall()
gc.collect()
print("blocks bounded:", sys.getallocatedblocks() - before < 200)
os.remove(path)
