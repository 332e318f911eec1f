# Counter (uses _count_elements), namedtuple (uses _tuplegetter), OrderedDict, ChainMap
from collections import Counter, namedtuple, OrderedDict, ChainMap, UserDict
import collections, _collections

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

c = Counter('abracadabra'); print(c, c.most_common(2), sorted(c.elements()))
c.update('zzz'); c.subtract({'a': 10}); print(c, +c, -c)
print(Counter(a=3, b=1) + Counter(a=1, c=2), Counter(a=3) & Counter(a=1), Counter(a=1) | Counter(a=4))
m = {}; _collections._count_elements(m, 'mississippi'); print(m)
class D(dict):
    def __setitem__(self, k, v):
        print('set', k, v); super().__setitem__(k, v)
_collections._count_elements(D(), 'aab')
t(lambda: _collections._count_elements({}, 5))
t(lambda: _collections._count_elements({}))

P = namedtuple('P', 'x y', defaults=[0]); p = P(1)
print(p, p.x, p.y, p._asdict(), p._replace(y=5), P._fields, P.x.__doc__, type(P.x).__name__)
t(lambda: setattr(p, 'x', 3)); t(lambda: P.x.__get__([1], list)); t(lambda: P.y.__get__((1,), tuple))
print(P.x.__get__(None, P) is P.x, P.x.__reduce__())
class Q(P):
    pass
print(Q(3, 4).y)

o = OrderedDict.fromkeys('abc'); o.move_to_end('a'); print(o, list(reversed(o)), o.popitem(last=False))
print(ChainMap({'a': 1}, {'a': 2, 'b': 3})['b'], dict(ChainMap({'a': 1}, {'b': 2})))
u = UserDict(a=1); u['b'] = 2; print(u, len(u))
# OrderedDict stays pure Python in Krait (collections/__init__.py), so it is left out here
print(sorted(n for n in dir(_collections) if not n.startswith('__') and n != 'OrderedDict'))
