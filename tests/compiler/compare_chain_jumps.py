# Chained comparisons used as conditions (`if 0 <= x < n:`, comprehension filters, `while`,
# `not (...)`, inside `and`/`or`) jump on each link (3.11's compiler_jump_if): operands are
# evaluated once, left to right, short-circuiting; each comparison result's __bool__ runs once;
# errors and line events are those of 3.11.
import sys

log = []


class V:
    def __init__(self, name, value):
        self.name, self.value = name, value

    def _cmp(self, other, name, op):
        o = other.value if isinstance(other, V) else other
        log.append((self.name, name, o))
        return B(op(self.value, o))


class B:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        log.append(("bool", self.v))
        return self.v


for _name, _op in (("__lt__", lambda a, b: a < b), ("__le__", lambda a, b: a <= b),
                   ("__gt__", lambda a, b: a > b), ("__ge__", lambda a, b: a >= b)):
    setattr(V, _name, (lambda n, op: lambda self, other: self._cmp(other, n, op))(_name, _op))


def ev(name, value):
    log.append(("eval", name))
    return V(name, value)


def cond(a, b, c):
    if ev("a", a) < ev("b", b) < ev("c", c):
        return "yes"
    return "no"


def negated(a, b, c):
    if not (ev("a", a) <= ev("b", b) <= ev("c", c)):
        return "not"
    return "in"


def in_boolop(a, b, c, d):
    if ev("a", a) < ev("b", b) < ev("c", c) or d:
        return "or-yes"
    if ev("a", a) < ev("b", b) < ev("c", c) and d:
        return "and-yes"
    return "none"


def filt(xs, lo, hi):
    return [x for x in xs if lo <= x < hi]


def loop(x, n):
    steps = 0
    while 0 < x < n:
        x -= 1
        steps += 1
    return steps


def four(a, b, c, d):
    return "ok" if a < b < c < d else "ko"


for args in ((1, 2, 3), (2, 1, 3), (1, 3, 2), (1, 1, 1)):
    print(cond(*args), log); log.clear()
    print(negated(*args), log); log.clear()
    print(in_boolop(*args, 0), in_boolop(*args, 1), log); log.clear()
print(filt(range(-3, 10), 0, 5), loop(5, 10), loop(12, 10), four(1, 2, 3, 4), four(1, 3, 2, 4))

# a comparison that raises, and one whose result cannot be truth-tested
class Bad:
    def __lt__(self, other):
        raise ValueError("no order")

class NoBool:
    def __bool__(self):
        raise TypeError("no truth")

class Odd:
    def __lt__(self, other):
        return NoBool()

for a, b, c in ((Bad(), 1, 3), (1, 2, Bad()), (Odd(), 2, 3), (1, 2, Odd())):
    try:
        print("yes" if a < b < c else "no")
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

# line events of a multi-line chained condition
def multi(x, n):
    if (0 <=
            x <
            n):
        return 1
    return 0

events = []
def tracer(frame, event, arg):
    if frame.f_code is multi.__code__:
        events.append((event, frame.f_lineno - multi.__code__.co_firstlineno))
    return tracer
sys.settrace(tracer)
multi(1, 5); multi(7, 5); multi(-1, 5)
sys.settrace(None)
print(events)
