# The allocation/deallocation fast paths (session 5): instances of direct subclasses of
# object (slots, values, __dict__, weakrefs, __class__ changes, long chains), small dicts
# whose keys come back from the free list (after popitem/del), tuples built at once, and
# the allocator under many sizes (sys.getallocatedblocks: tests/gc/getallocatedblocks).
import gc, weakref

class P:
    __slots__ = ("x", "y", "__weakref__")
    def __init__(self, x, y):
        self.x, self.y = x, y

class R:
    def __init__(self, k, v):
        self.k = k
        self.v = v

class Other:
    pass

log = []
p = P(1, [2])
w = weakref.ref(p, lambda r: log.append("P callback"))
del p
print(log, w())

r = R(1, 2)
w2 = weakref.ref(r, lambda ref: log.append("R callback"))
r.__class__ = Other
print(type(r).__name__, r.__dict__)
del r
print(log, w2())

# values materialised into a dict, then the instance dropped
r = R("a", "b")
d = r.__dict__
d["extra"] = 3
del r
print(sorted(d.items()))

# an attribute whose release runs code that creates more instances
class Noisy:
    def __del__(self):
        log.append(("del", R(0, 0).k))
r = R(Noisy(), None)
del r
print(log[-1])

# resurrection still goes through the general path
saved = []
class Phoenix:
    def __del__(self):
        saved.append(self)
x = Phoenix()
del x
print(len(saved), type(saved[0]).__name__)

# a long chain must not overflow the C stack (trashcan)
head = None
for i in range(200000):
    n = R(i, head)
    head = n
del head, n
print("chain ok")
head = None
for i in range(200000):
    head = P(i, head)
del head
print("slot chain ok")

# small dicts through the keys free list: entries must look fresh after reuse
for round in range(3):
    ds = []
    for i in range(200):
        d = {"a": i, "b": i + 1, "c": i + 2, "d": 3, "e": 4}
        if i % 3 == 0:
            d.popitem()
        if i % 5 == 0:
            del d["a"]
        ds.append(d)
    del ds
    fresh = [{} for _ in range(100)]
    for i, d in enumerate(fresh):
        d[i] = i
        d["k"] = None
    print(round, all(list(d.items()) == [(i, i), ("k", None)] for i, d in enumerate(fresh)),
          list({1: 2}.items()), {(1,): 1}.get((1,)))

# tuples built at once
def f(*args):
    return args
print(f(1, 2, 3), tuple([4, 5]), (1, 2) + (3,), tuple(range(25))[-3:])
print(gc.is_tracked((1, 2)), gc.is_tracked(([],)), gc.is_tracked(P(1, 2)))

# many sizes through the allocator, freed in another order
blocks = [bytes(n) for n in range(1, 600)] * 3
blocks.reverse()
print(sum(map(len, blocks)))
del blocks
junk = [object() for _ in range(1000)] + [[i] for i in range(1000)]
print(len(junk), junk[-1])
del junk
print(gc.collect() >= 0)
