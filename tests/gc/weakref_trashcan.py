# bpo-16602: a weakref callback run while a long deallocation chain unwinds (the
# trashcan delays deallocations) must not see its referent alive once its refcount is 0:
# the weakref reads as dead (None).
import gc
import weakref

seen = []


class C:
    def __init__(self, parent):
        if not parent:
            return
        wself = weakref.ref(self)

        def cb(wparent):
            seen.append(wself())
        self.wparent = weakref.ref(parent, cb)


d = weakref.WeakKeyDictionary()
root = c = C(None)
for n in range(1000):
    d[c] = c = C(c)
del root
gc.collect()
print(len(d), len(seen), all(o is None or isinstance(o, C) for o in seen))
del c
gc.collect()
print(len(d))
