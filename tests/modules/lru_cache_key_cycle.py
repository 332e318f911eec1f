# A bounded lru_cache whose cached key refers back to the cached function forms a cycle
# (function -> cache -> entry -> key -> function); the collector must see the entry's
# reference to the key (tp_traverse) and free the whole cycle.
import functools
import gc
import weakref


class Key:
    def __hash__(self):
        return 1


def make_cycle(maxsize):
    @functools.lru_cache(maxsize=maxsize)
    def f(x):
        return 42
    k = Key()
    k.f = f            # key -> function
    f(k)               # function -> cache -> key
    return weakref.ref(k), weakref.ref(f)


for maxsize in (None, 0, 1, 10):
    gc.collect()
    wk, wf = make_cycle(maxsize)
    gc.collect()
    print(maxsize, "key freed:", wk() is None, "function freed:", wf() is None)

# the result is part of the cycle too
@functools.lru_cache(maxsize=4)
def g(x):
    return [g]
g(1)
wg = weakref.ref(g)
del g
gc.collect()
print("result cycle freed:", wg() is None)
