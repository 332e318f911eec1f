# Subclasses inherit Py_TPFLAGS_SEQUENCE / Py_TPFLAGS_MAPPING (match/case patterns), the
# first base in the MRO deciding; b'x' * 0 is a fresh object; __new__ of a type whose
# tp_new was cleared is a TypeError, not a crash.
import collections, collections.abc, sys

class L(list): pass
class D(dict): pass
class LL(L): pass
class OD(collections.OrderedDict): pass
class DQ(collections.deque): pass
class SeqMixin(collections.abc.Sequence): pass
class Both(SeqMixin, D): pass
class Both2(D, SeqMixin): pass
for obj in (L([1, 2]), LL([3, 4]), DQ([5, 6]), D(k=1), OD(k=2), Both(k=4), Both2(k=3), "ab", b"ab"):
    match obj:
        case {"k": v}:
            print(type(obj).__name__, "mapping", v)
        case [a, b]:
            print(type(obj).__name__, "sequence", a, b)
        case _:
            print(type(obj).__name__, "neither")

x = b"x"
empty = bytes()
print([x * n is empty for n in (0, -23)], x * 1 is x, len(x * 0))
e = empty
print(e * 5 is e)

T = type(sys.flags)
try:
    T.__new__(T)
except TypeError as err:
    print("TypeError", err)
print(min(3, 1, 2), max([1, 5], key=lambda v: -v), max([], default=7), min((), default=None))
