# The gc module's API: switches, thresholds, debug flags, introspection, freeze.
import gc

print(gc.isenabled())
gc.disable(); print(gc.isenabled())
gc.enable(); print(gc.isenabled())
print(gc.get_threshold())
gc.set_threshold(500)
print(gc.get_threshold())
gc.set_threshold(700, 5, 7)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(type(gc.get_count()), len(gc.get_count()))
print(gc.get_debug())
gc.set_debug(gc.DEBUG_SAVEALL); print(gc.get_debug()); gc.set_debug(0)
print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)

for bad in (3, -1):
    try:
        gc.collect(bad)
    except ValueError as e:
        print("ValueError:", e)
for bad in (3, -2):
    try:
        gc.get_objects(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    gc.collect("x")
except TypeError as e:
    print("TypeError")

gc.collect()
print(gc.get_count()[0] < 50, gc.get_count()[1:])
gc.collect(0)
print(gc.get_count()[1])

# tracking
print(gc.is_tracked(0), gc.is_tracked("a"), gc.is_tracked([]), gc.is_tracked({}))
print(gc.is_tracked({"a": 1}), gc.is_tracked({"a": []}))
class C: pass
print(gc.is_tracked(C()), gc.is_tracked(C))
t = (1, 2, [])
print(gc.is_tracked(t))

# introspection
l = [1, 2]
holder = [l]
print(any(o is holder for o in gc.get_referrers(l)))
print(gc.get_referents(holder)[0] is l)
print(sorted(gc.get_referents({1: "v"}), key=str))
print(len(gc.get_objects(-1)) > 0)
print(gc.get_referents(1, "s"))
objs = gc.get_objects()
print(any(o is holder for o in objs), any(o is objs for o in objs))
print(any(o is holder for o in gc.get_objects(2)) or any(o is holder for o in gc.get_objects(0)) or any(o is holder for o in gc.get_objects(1)))

# stats
stats = gc.get_stats()
print(len(stats), sorted(stats[0]))
print(all(s["collections"] >= 0 for s in stats))

# freeze
gc.freeze()
print(gc.get_freeze_count() > 0)
print(any(o is holder for o in gc.get_objects()))
gc.unfreeze()
print(gc.get_freeze_count())
print(any(o is holder for o in gc.get_objects()))
