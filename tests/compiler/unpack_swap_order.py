# `a, b = x, y` builds no tuple (3.11: BUILD_TUPLE n + UNPACK_SEQUENCE n become SWAPs, and
# SWAPs before plain local stores are applied statically).  Evaluation and store order must
# not change: targets with side effects (properties, __setattr__, __setitem__), swaps,
# nested/starred unpacking, line boundaries between targets, and the bytecode shape.
import dis

log = []


class Tracer:
    def __setattr__(self, name, value):
        log.append(("setattr", name, value))
        object.__setattr__(self, name, value)

    def __setitem__(self, key, value):
        log.append(("setitem", key, value))


class Prop:
    @property
    def p(self):
        return self._p

    @p.setter
    def p(self, v):
        log.append(("prop", v))
        self._p = v


def val(x):
    log.append(("eval", x))
    return x


def swap_locals(a, b):
    a, b = b, a
    return a, b


def rotate3(a, b, c):
    a, b, c = b, c, a
    return a, b, c


def attrs(t, x, y):
    t.x, t.y = val(x), val(y)


def mixed(t, x, y):
    t[0], b = val(x), val(y)
    c, t[1] = val(x), val(y)
    return b, c


def props(p, q, x, y):
    p.p, q.p = x, y
    return p.p, q.p


def attrs_plain(t, x, y):
    t.x, t.y = x, y


def single(x):
    a, = x,
    return a


def from_list():
    x, = [1]
    [y] = (2,)
    return x, y


def nested(x, y, z):
    (a, b), c = (x, y), z
    a, (b, c) = z, (x, y)
    return a, b, c


def starred(x, y, z):
    a, *b = x, y, z
    *c, d = x, y, z
    return a, b, c, d


def four(a, b, c, d):
    a, b, c, d = d, c, b, a
    return a, b, c, d


def two_lines(x, y):
    (a,
     b) = x, y
    return a, b


def popped(x, y):
    _, b = x, y
    return b


def globals_too(x, y):
    global G1, G2
    G1, G2 = x, y
    return G1, G2


def loop_swap(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def augmented_swap(lst):
    lst[0], lst[1] = lst[1], lst[0]
    return lst


print(swap_locals(1, 2), rotate3(1, 2, 3), four(1, 2, 3, 4))
t = Tracer()
attrs(t, 1, 2)
print(log); log.clear()
print(mixed(t, 3, 4), log); log.clear()
p, q = Prop(), Prop()
print(props(p, q, 5, 6), log); log.clear()
print(single(7), from_list(), nested(1, 2, 3), starred(1, 2, 3))
print(two_lines(8, 9), popped(10, 11), globals_too(12, 13), loop_swap(30))
print(augmented_swap([1, 2, 3]))

# errors still come from the right place
def too_many(x):
    a, b = x, x, x

try:
    too_many(1)
except ValueError as e:
    print("ValueError", e)

# at module level the stores are STORE_NAME: the SWAP stays, the order is unchanged
m1, m2 = 1, 2
m1, m2 = m2, m1
a = b = 0
a, b = b + 1, a + 2
print(m1, m2, a, b)
k, k = val(1), val(2)
print(k, log); log.clear()

# the bytecode shape (names only; 3.11's RESUME/CACHE/PRECALL left out)
SKIP = {"RESUME", "CACHE", "PRECALL", "NOP"}
for f in (swap_locals, rotate3, attrs_plain, single, two_lines, popped, four, globals_too):
    print(f.__name__, [i.opname for i in dis.get_instructions(f) if i.opname not in SKIP])

# line events where targets and values sit on different lines
import sys
events = []
def tracer(frame, event, arg):
    if frame.f_code.co_name == "two_lines":
        events.append((event, frame.f_lineno - two_lines.__code__.co_firstlineno))
    return tracer
sys.settrace(tracer)
two_lines(1, 2)
sys.settrace(None)
print(events)
