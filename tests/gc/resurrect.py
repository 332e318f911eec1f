# A finalizer that resurrects its object: the object survives the collection, the
# finalizer is not called again, and the object is freed normally later.
import gc
gc.disable()

saved = []

class R:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
        saved.append(self)

r = R("r"); r.self = r
del r
gc.collect()
print("saved:", [s.name for s in saved], gc.is_finalized(saved[0]))
print("self intact:", saved[0].self is saved[0])
saved.clear()
gc.collect()
print("cleared")

# Resurrection keeps what the resurrected object references alive too.
class Holder:
    def __del__(self):
        saved.append(self)

h = Holder(); h.data = [1, 2, 3]; h.data.append(h)
del h
gc.collect()
print(saved[0].data[:3], saved[0].data[3] is saved[0])
saved.clear()
gc.collect()
print("done")
