# Frames run untracked by the collector (as 3.11's interpreter frames) and are tracked
# when something keeps them after they finish; compare-and-branch and int +/- fast paths.
import gc
import sys


def running_tracked():
    return gc.is_tracked(sys._getframe())


print("running frame tracked:", running_tracked())


def keep_frame():
    return sys._getframe()


fr = keep_frame()
print("kept frame tracked:", gc.is_tracked(fr), fr.f_code.co_name, fr.f_locals)
print("f_back is module:", fr.f_back is not None and fr.f_back.f_code.co_name)
del fr


# A frame in a cycle through its own local: collectable once it has returned.
class Marker:
    pass


def cyclic():
    m = Marker()
    m.frame = sys._getframe()
    return gc.collect() >= 0  # collecting while the frame runs must not free it


import weakref
refs = []


def make_cycle():
    m = Marker()
    m.frame = sys._getframe()
    refs.append(weakref.ref(m))


for _ in range(3):
    make_cycle()
print("cycle alive before collect:", [r() is not None for r in refs])
gc.collect()
print("cycle alive after collect:", [r() is not None for r in refs])
print("collect inside running frame:", cyclic())


# A traceback keeps the chain of frames; f_back links stay right.
def inner(n):
    if n == 0:
        raise ValueError("deep")
    return inner(n - 1)


try:
    inner(30)
except ValueError as e:
    tb = e.__traceback__
    depth = 0
    names = set()
    while tb is not None:
        depth += 1
        names.add(tb.tb_frame.f_code.co_name)
        last = tb.tb_frame
        tb = tb.tb_next
    print("traceback depth:", depth, sorted(names), last.f_locals)
    chain = 0
    f = last
    while f is not None:
        chain += 1
        f = f.f_back
    print("f_back chain length:", chain, gc.is_tracked(last))
    del e, last, f


# Generator frames: owned by the generator, gone after exhaustion.
def gen():
    yield sys._getframe().f_back.f_code.co_name
    yield sys._getframe() is g.gi_frame


g = gen()
print("gen frame:", g.gi_frame is not None)
print("gen values:", list(g))
print("gi_frame after exhaustion:", g.gi_frame)


# frame.clear() on a finished frame; f_locals of a kept frame.
def locals_frame(a, b=2):
    c = a + b
    return sys._getframe()


lf = locals_frame(1)
print("f_locals:", lf.f_locals)
lf.clear()
print("after clear:", lf.f_locals)


# Calls from C (map, sorted key) run their frames untracked too.
print("from C:", list(map(lambda x: gc.is_tracked(sys._getframe()), [1])))


# Compare-and-branch: ints (small, big, negative), floats, NaN, mixed, bools.
def branch(a, b):
    out = []
    if a < b: out.append("lt")
    if a <= b: out.append("le")
    if a == b: out.append("eq")
    if a != b: out.append("ne")
    if a > b: out.append("gt")
    if not a >= b: out.append("not-ge")
    return out


nan = float("nan")
for a, b in [(1, 2), (2, 2), (-5, 3), (2**62, 2**62 + 1), (2**70, 2**70), (1.5, 1.5),
             (nan, nan), (1, 1.0), (True, 1), (0.0, -0.0), ("a", "b")]:
    print("branch", a, b, branch(a, b))


# int + and - at the machine-word edges go to big ints; bools and subclasses too.
m = sys.maxsize
print(m + 1, -m - 2, m - (-1), (-m - 1) - 1, 250 + 6, 257 - 1, -3 - 3)
print(True + True, True - False, type(True + 1).__name__)


class MyInt(int):
    def __add__(self, other):
        return "MyInt.add"


print(MyInt(1) + 2, 2 + MyInt(1), 5 - MyInt(2))
x = 1
for i in range(10):
    x += x
    x -= 1
print("loop", x)


# Recursion depth with the new frames: RecursionError at the same depth.
def rec(n):
    return rec(n + 1) if n < 10000 else n


sys.setrecursionlimit(200)
count = 0


def count_depth():
    global count
    count += 1
    count_depth()


try:
    count_depth()
except RecursionError as e:
    print("recursion:", count, e)
sys.setrecursionlimit(1000)
