# Jumps 3.11's optimiser folds: `x is None` / `is not None` tests jump directly
# (POP_JUMP_IF_NONE / NOT_NONE); `a and b or c` style value tests skip the tests they land on;
# constant subscripts fold (b"."[0]); `while` re-tests at the bottom.  Results, the count of
# __bool__ calls, and the bytecode shape (opnames only) must match 3.11.
import dis

log = []


class T:
    def __init__(self, name, truth):
        self.name, self.truth = name, truth

    def __bool__(self):
        log.append(self.name)
        return self.truth

    def __repr__(self):
        return self.name


def none_tests(x, y):
    out = []
    if x is None:
        out.append("x None")
    if y is not None:
        out.append("y set")
    if not (x is None):
        out.append("x not None")
    while x is not None:
        x = None
        out.append("loop")
    return out, [v for v in (1, None, 2) if v is not None], [v for v in (1, None) if v is None]


def value_jumps(a, b, c):
    return (a and b or c), ((a and b) and c), ((a or b) or c), ((a or b) and c)


def cond_jumps(a, b, c):
    r = []
    if a and b or c:
        r.append(1)
    if (a or b) and c:
        r.append(2)
    if not (a and b):
        r.append(3)
    return r


def consts():
    return b"."[0], (1, 2, 3)[-1], "abc"[1], {"k": 1}["k"]


print(none_tests(None, 1), none_tests(0, None))
for a in (T("A0", False), T("A1", True)):
    for b in (T("B0", False), T("B1", True)):
        for c in (T("C0", False), T("C1", True)):
            print(value_jumps(a, b, c), log); log.clear()
            print(cond_jumps(a, b, c), log); log.clear()
print(consts())
try:
    print((1, 2)[5])
except IndexError as e:
    print("IndexError", e)

SKIP = {"RESUME", "CACHE", "PRECALL", "NOP"}
def names(f):
    return [i.opname.replace("_FORWARD", "").replace("_BACKWARD", "")
            for i in dis.get_instructions(f) if i.opname not in SKIP]
print(names(value_jumps))
print(names(consts))
