# The GC header is two words, as in CPython 3.8+: sys.getsizeof of containers counts it.
import sys, gc
class C:
    pass
class S:
    __slots__ = ('a', 'b')
def f():
    pass
print(sys.getsizeof([]), sys.getsizeof([1, 2, 3]), sys.getsizeof(()), sys.getsizeof((1, 2)))
print(sys.getsizeof({}), sys.getsizeof(set()), sys.getsizeof(frozenset()))
print(sys.getsizeof(S()))
print(sys.getsizeof(1), sys.getsizeof(1.0), sys.getsizeof('abc'), sys.getsizeof(b'ab'))
# tracking and the FINALIZED flag share the header: both still work
x = C()
print(gc.is_tracked(x), gc.is_tracked(1), gc.is_finalized(x))
class D:
    def __del__(self):
        global saved
        saved = self
d = D()
d.self = d
del d
gc.collect()
print(gc.is_finalized(saved), gc.is_tracked(saved))
