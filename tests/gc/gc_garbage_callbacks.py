# gc.callbacks get ("start"/"stop", info); DEBUG_SAVEALL keeps garbage in gc.garbage.
import gc
gc.disable()

events = []
def cb(phase, info):
    events.append((phase, sorted(info), info["generation"]))
gc.callbacks.append(cb)
gc.collect()
gc.collect(1)
gc.callbacks.remove(cb)
print(events)

class Stop:
    pass

def cb2(phase, info):
    if phase == "stop":
        print("stop:", info["generation"], info["collected"] >= 1, info["uncollectable"])
gc.callbacks.append(cb2)
s = Stop(); s.s = s
del s
gc.collect()
gc.callbacks.clear()

gc.set_debug(gc.DEBUG_SAVEALL)
l = []; l.append(l)
del l
n = gc.collect()
print(n, len(gc.garbage), gc.garbage[0][0] is gc.garbage[0])
gc.set_debug(0)
gc.garbage.clear()
print(gc.collect())

class Bad:
    def __repr__(self):
        return "<Bad callback>"
    def __call__(self, phase, info):
        raise RuntimeError("boom " + phase)
gc.callbacks.append(Bad())
gc.collect()
gc.callbacks.clear()
print("end")
