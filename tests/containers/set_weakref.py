# sets and frozensets support weak references, cleared when the set dies
import _weakref as weakref  # the C module: no dependency on the rest of the stdlib
s = {1, 2}
r = weakref.ref(s)
print(r() is s, r() == {1, 2})
del s
print(r())
f = frozenset("ab")
calls = []
r2 = weakref.ref(f, lambda ref: calls.append("callback"))
del f
print(r2(), calls)
class S(set):
    pass
x = S([3])
r3 = weakref.ref(x)
del x
print(r3())
