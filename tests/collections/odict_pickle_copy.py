# OrderedDict: pickling (protocols 0-5), copy/deepcopy, __reduce__, iterator pickling,
# subclasses with __dict__ and __slots__, instance attributes, weakrefs, gc of cycles.
import copy
import gc
import pickle
import weakref
from collections import OrderedDict as OD

od = OD([('c', 1), ('b', [2]), ('a', 3)])
od.attr = ['x']
print(od.__reduce__()[2], od.__dict__)
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    dup = pickle.loads(pickle.dumps(od, proto))
    print(proto, dup, dup == od, dup.attr, type(dup).__name__)
c = copy.copy(od)
print(c, c.attr is od.attr, c['b'] is od['b'])
d = copy.deepcopy(od)
print(d, d.attr is od.attr, d['b'] is od['b'], d == od)

rec = OD()
rec[1] = rec
for proto in range(-1, pickle.HIGHEST_PROTOCOL + 1):
    dup = pickle.loads(pickle.dumps(rec, proto))
    print(proto, list(dup.keys()), dup[1] is dup)
print(repr(copy.deepcopy(rec)))

pairs = [('c', 1), ('b', 2), ('a', 3), ('d', 4)]
for name in ('keys', 'values', 'items', '__reversed__'):
    it = iter(getattr(OD(pairs), name)())
    next(it)
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        print(name, proto, list(pickle.loads(pickle.dumps(it, proto))))
    print(name, list(it), it.__reduce__()[1])

class Sub(OD):
    pass
s = Sub(pairs)
s.x = 5
print(s, repr(Sub()), s.__reduce__()[0] is Sub, s.__reduce__()[2])
for proto in (0, 2, 5):
    dup = pickle.loads(pickle.dumps(s, proto))
    print(type(dup).__name__, dup, dup.x)
print(copy.deepcopy(s), s.copy(), type(s.copy()).__name__)
print(type(s | {'z': 0}).__name__, type({'z': 0} | s).__name__)

class Slots(OD):
    __slots__ = ('p', 'q')
sl = Slots(pairs)
sl.p = 10
print(sl.__reduce__()[2])
for proto in (0, 2, 5):
    dup = pickle.loads(pickle.dumps(sl, proto))
    print(type(dup).__name__, dup, dup.p, hasattr(dup, 'q'))
print(copy.copy(sl).p, copy.deepcopy(sl).p)

class WithItems(OD):
    def items(self):
        return [('fake', 0)]
print(repr(WithItems(a=1)))

class Missing(OD):
    def __missing__(self, key):
        return 0
m = Missing(a=1)
print(m['zz'], m.pop('b', 5), m.pop('a', 6), m.pop('a', 7), Missing().setdefault(5, 9))

# weakrefs, instance dict, gc of cycles through values and keys
w = OD()
r = weakref.ref(w)
print(r() is w)
del w
print(r())
class Key:
    pass
deleted = []
class Tracked(OD):
    def __del__(self):
        deleted.append(len(self))
t = Tracked()
t['self'] = t
k = Key()
k.od = t
t[k] = 1
del t, k
gc.collect()
print(deleted)
class A:
    od = OD()
A.od[A] = None
ra = weakref.ref(A)
del A
gc.collect()
print(ra())

# deep nesting (trashcan)
obj = None
for _ in range(100000):
    obj = OD([(None, obj)])
del obj
print('nested ok')

# __init__ re-entry keeps previous content; update() overriding does not affect __init__
d = OD([('a', 1), ('b', 2)])
d.__init__([('c', 3)], a=10)
print(d)
class MyOD(OD):
    def update(self, *a, **k):
        raise Exception('not called')
print(MyOD([('x', 1)], y=2))
calls = []
class Spam:
    def keys(self):
        calls.append('keys')
        return ()
    def items(self):
        calls.append('items')
        return ()
OD(Spam())
print(calls)
print(OD.__sizeof__(OD()) > 0, OD(a=1).__sizeof__() > {'a': 1}.__sizeof__())
