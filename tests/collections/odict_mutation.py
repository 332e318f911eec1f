# OrderedDict under mutation: iteration errors, keys whose __eq__/__hash__ misbehave, and
# dict methods called directly on an OrderedDict (order and dict disagree: no crash).
from collections import OrderedDict as OD

def t(label, f, show=True):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e if show else '')

def iterate(od, action, view=None):
    src = od if view is None else getattr(od, view)()
    out = []
    try:
        for k in src:
            out.append(k)
            action(od, k)
    except Exception as e:
        out.append((type(e).__name__, str(e)))
    return out

for view in (None, 'keys', 'values', 'items'):
    print(view)
    print(iterate(OD.fromkeys('abcde'), lambda od, k: od.move_to_end('a'), view))
    print(iterate(OD.fromkeys('abcde'), lambda od, k: od.__setitem__('z', 1), view))
    print(iterate(OD.fromkeys('abcde'), lambda od, k: od.__delitem__('c') if 'c' in od else None, view))
    print(iterate(OD.fromkeys('abcde'), lambda od, k: od.__setitem__('b', 2), view))
    print(iterate(OD.fromkeys('abcde'), lambda od, k: dict.__setitem__(od, 'q', 1), view))
    print(iterate(OD.fromkeys('abcde'), lambda od, k: od.clear(), view))

od = OD.fromkeys('abcde')
for i, k in enumerate(od):
    if i == 4:
        od.move_to_end('a')   # after the last item: no error
print(list(od))

it = iter(OD.fromkeys('ab'))
next(it)
od2 = OD.fromkeys('ab')
it2 = iter(od2)
print(next(it2), next(it2))
od2['c'] = 3
t('after end', lambda: next(it2))

# dict methods used directly
od = OD()
dict.__setitem__(od, 'spam', 1)
t('dict setitem repr', lambda: repr(od))
t('dict setitem list', lambda: list(od))
od['spam'] = 2
t('then od setitem', lambda: (list(od), repr(od)))
od = OD(spam=1, ham=2)
dict.__delitem__(od, 'spam')
t('dict delitem repr', lambda: repr(od))
t('dict delitem values', lambda: list(od.values()))
t('dict delitem keys', lambda: list(od))
t('dict delitem copy', lambda: od.copy())
t('dict delitem popitem', lambda: od.popitem(last=False))
t('dict delitem after', lambda: repr(od))
od = OD(spam=1, ham=2)
dict.clear(od)
t('dict clear', lambda: (repr(od), len(od)))
od = OD(spam=1, ham=2)
dict.pop(od, 'spam')
t('dict pop', lambda: repr(od))
od = OD(spam=1, ham=2)
dict.popitem(od)
t('dict popitem', lambda: repr(od))
od = OD()
dict.setdefault(od, 'spam', 1)
t('dict setdefault', lambda: (repr(od), list(od)))
od = OD()
dict.update(od, [('spam', 1)])
t('dict update', lambda: (repr(od), list(od)))

# keys whose hash changes
import random
random.seed(5)
class RandHash:
    def __hash__(self):
        return random.randrange(100000)
od = OD()
for i in range(50):
    od[RandHash()] = i
print(len(od))
for f in (lambda: list(od.values()), lambda: list(od.items()), lambda: repr(od), lambda: od.copy()):
    t('randhash', lambda: type(f()).__name__, False)
t('randhash keys', lambda: list(od), False)
class Hash1:
    def __hash__(self):
        return 1
od = OD()
od[Hash1()] = 0
t('hash1 popitem', lambda: od.popitem()[1])

# keys whose __eq__ mutates the odict
class Evil:
    def __init__(self, od, h):
        self.od = od
        self.h = h
        self.armed = False
    def __hash__(self):
        return self.h
    def __eq__(self, other):
        if self.armed:
            self.armed = False
            self.od.clear()
        return self is other
od = OD()
a, b = Evil(od, 7), Evil(od, 7)
od[a] = 1
a.armed = True
t('evil setitem', lambda: od.__setitem__(b, 2))
t('evil after', lambda: len(od))
# b went into a table made for str keys only, which the GC does not traverse (3.11 too):
# break the od <-> b cycle by hand, or it outlives the program
od.clear()
od = OD()
a, b = Evil(od, 7), Evil(od, 7)
od[a] = 1
od[b] = 2
b.armed = True
t('evil move', lambda: od.move_to_end(b))
class Raises:
    def __hash__(self):
        return 3
    def __eq__(self, other):
        raise ZeroDivisionError('eq')
od = OD()
od[Raises()] = 1
t('raising eq set', lambda: od.__setitem__(Raises(), 2))
t('raising eq move', lambda: od.move_to_end(Raises()))
t('raising eq pop', lambda: od.pop(Raises(), None))
t('unhashable', lambda: od.__setitem__([], 1))
t('unhashable move', lambda: od.move_to_end([]))
t('unhashable pop', lambda: od.pop([]))
t('unhashable del', lambda: od.__delitem__([]))
print(len(od))

# equality whose key __eq__ mutates
class EqMut:
    def __init__(self, od):
        self.od = od
    def __hash__(self):
        return 1
    def __eq__(self, other):
        self.od.clear()
        return True
od1 = OD()
od2 = OD()
k1, k2 = EqMut(od1), EqMut(od2)
od1[k1] = 1
od2[k2] = 1
t('mutating eq compare', lambda: od1 == od2)

# many inserts / deletes (table growth, deletion with collisions)
od = OD()
for i in range(1000):
    od[i * 8] = i
for i in range(0, 1000, 3):
    del od[i * 8]
print(len(od), list(od)[:5], list(od)[-3:])
for i in range(0, 1000, 3):
    od[i * 8] = -i
print(list(od)[-3:], sum(od.values()))
while len(od) > 10:
    od.popitem(last=len(od) % 2 == 0)
print(od)
od = OD.fromkeys(range(20))
for i in range(200):
    od.move_to_end(i % 20, last=i % 3 != 0)
print(list(od))

# a key whose __eq__ adds an item every time: lookups still end (they restart only when
# the slot they compared changed, as dict lookups do)
import itertools
count = itertools.count()
class Adder:
    def __init__(self, od, v):
        self.od, self.v = od, v
    def __hash__(self):
        return 5
    def __eq__(self, other):
        self.od[('junk', next(count))] = 0
        return isinstance(other, Adder) and self.v == other.v
od = OD()
a = Adder(od, 1)
od[a] = 1
b = Adder(od, 1)
print(od[b], b in od)
od.move_to_end(b)
print(od.pop(b), a in od, len(od) > 1)
od[a] = 2
del od[Adder(od, 1)]
print(a in od, all(k[0] == 'junk' for k in od))
