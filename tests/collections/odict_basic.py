# collections.OrderedDict (the C type from _collections): order, move_to_end, popitem,
# pop, setdefault, update, views, reversed, equality, repr, copy, fromkeys, | and |=.
import _collections
from collections import OrderedDict as OD

print(OD is _collections.OrderedDict, OD.__module__, OD.__name__, OD.__qualname__)

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

od = OD([('c', 1), ('b', 2), ('a', 3)], d=4)
print(od, list(od), list(od.keys()), list(od.values()), list(od.items()))
print(list(reversed(od)), list(reversed(od.keys())), list(reversed(od.values())),
      list(reversed(od.items())))
print(od.keys(), od.values(), od.items())
print(type(od.keys()).__name__, type(iter(od)).__name__, type(reversed(od)).__name__)
print(isinstance(od, dict), isinstance(od.keys(), type({}.keys())))

od['b'] = 20
od['e'] = 5
print(od)
del od['c']
print(od)
od.move_to_end('b')
print(list(od))
od.move_to_end('e', last=False)
print(list(od))
od.move_to_end('e', False)
od.move_to_end('b', True)
print(list(od))
t(lambda: od.move_to_end('zz'))
t(lambda: OD().move_to_end('zz'))
t(lambda: od.move_to_end())
print(od.popitem(), od.popitem(last=False), od)
t(lambda: OD().popitem())
t(lambda: OD().popitem(False))
t(lambda: od.popitem(1, 2))
print(od.pop('a'), od.pop('a', 'dflt'), od.pop('a', default=7))
t(lambda: od.pop('a'))
t(lambda: od.pop())
print(od.setdefault('x', 1), od.setdefault('x', 2), od.setdefault('y'), od.setdefault(key='z', default=3))
print(od)
od.update([('q', 1)], r=2)
od.update({'s': 3})
od.update(OD(t=4))
print(od)
t(lambda: od.update(1, 2))
t(lambda: OD(1, 2))
t(lambda: OD(42))
t(lambda: OD([(1, 2, 3)]))
t(lambda: OD([(1,)]))
t(lambda: OD([()]))
t(lambda: OD().setdefault())
print(OD(self=1, other=2))
class Keys:
    def keys(self): return ['k1', 'k2']
    def __getitem__(self, k): return k.upper()
print(OD(Keys()))
class Items:
    def items(self): return [('i1', 1)]
print(OD(Items()))

print(OD.fromkeys('abc'), OD.fromkeys('abc', 0), OD.fromkeys('ab', value=1))
t(lambda: OD.fromkeys())

a = OD.fromkeys('abc')
b = OD.fromkeys('cba')
print(a == b, a != b, a == dict(b), dict(b) == a, a == OD.fromkeys('abc'), a != OD.fromkeys('abc'))
print(a == OD.fromkeys('ab'), a.keys() == b.keys(), a.items() == dict(b).items())
t(lambda: a < b)
t(lambda: hash(a))
print(OD.__hash__)

print(repr(OD()), repr(OD(a=1)))
r = OD.fromkeys('ab')
r['self'] = r
print(r)
r2 = OD()
r2[1] = r2.values()
print(type(repr(r2)))

c = a.copy()
print(c, c is a, type(c).__name__)
c.clear()
print(c, len(c), a)

x = OD({0: 0, 1: 1, 2: 1})
y = OD({1: 1, 2: 2, 3: 3})
print(x | y, y | x, x | dict(y), dict(y) | x, type(dict(x) | y).__name__)
z = x.copy()
z |= y
print(z)
z |= [(9, 9)]
print(z)
t(lambda: x | None)
t(lambda: x | [(1, 2)])
def ior():
    w = OD()
    w |= "BAD"
t(ior)

print(len(od), 'q' in od, 'zz' in od, od.get('q'), od.get('zz', 0), od['q'])
t(lambda: od['zz'])
keys = od.keys()
print('q' in keys, keys & {'q', 'nope'}, keys | {'new'} >= {'new'}, keys.mapping is not None)
print(sorted(od.items() - {('q', 1)}))
it = iter(od.items())
first = next(it)
second = next(it)
print(first, second, first is second)
print(OD(a=1).__reduce__()[:4])
print(OD[int, str], OD.__class_getitem__(int))
print(sorted(n for n in dir(OD) if n not in dir(dict)))
print(sorted(k for k in OD.__dict__ if not k.startswith('__doc')))
print(OD.move_to_end.__doc__)
print(OD.popitem.__text_signature__, OD.fromkeys.__text_signature__)
