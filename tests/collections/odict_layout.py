# OrderedDict's layout as Python sees it: sizes (__sizeof__/getsizeof, as 3.11 counts them),
# offsets, MROs and the names of its helper types; the items-tuple reuse stays GC-visible.
import gc
import sys
import weakref
from collections import OrderedDict as OD

o = OD(a=1)
print(hasattr(o, '__weakref__'), OD.__basicsize__, OD.__dictoffset__, OD.__weakrefoffset__)
print(sys.getsizeof(OD()), sys.getsizeof(o), gc.is_tracked(OD()), gc.is_tracked(o))
print(OD.__mro__, type(o.keys()).__mro__, type(iter(o)).__mro__)
print(sorted(set(dir(o)) ^ set(dir(dict))))
class S(OD):
    pass
class T(OD):
    __slots__ = ('x',)
print(S.__basicsize__, S.__dictoffset__, S.__weakrefoffset__, T.__basicsize__)
for cls in (OD, S):
    od = cls()
    sizes = [od.__sizeof__()]
    od.x = 1
    sizes.append(od.__sizeof__())
    od.update([(i, i) for i in range(3)])
    sizes.append(od.__sizeof__())
    od.update([(i, i) for i in range(3, 10)])
    sizes.append(od.__sizeof__())
    sizes += [od.keys().__sizeof__(), od.items().__sizeof__(), iter(od).__sizeof__(),
              iter(od.values()).__sizeof__(), reversed(od).__sizeof__()]
    print(cls.__name__, sizes)
    for i in range(10):
        od.popitem()
    print(od.__sizeof__() >= sizes[0])
    od.clear()
    print(od.__sizeof__())

it = iter(OD({None: []}).items())
gc.collect()
print(gc.is_tracked(next(it)))
x = OD()
x.cycle = x
cycle = [x]
cycle.append(cycle)
r = weakref.ref(x)
del x, cycle
gc.collect()
print(r())
