# defaultdict: __missing__, factory, repr (incl. recursion), copy, |, reduce, errors
from collections import defaultdict
import copy

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

d = defaultdict(list)
for k, v in [('a', 1), ('b', 2), ('a', 3)]:
    d[k].append(v)
print(d, d['zz'], len(d), 'q' in d, d.get('q'))
c = defaultdict(int, x=5)
for ch in 'hello':
    c[ch] += 1
print(c, c.default_factory)
print(defaultdict(), defaultdict(None, {1: 2}), defaultdict(lambda: 0).default_factory is not None)
t(lambda: defaultdict()[1]); t(lambda: defaultdict(None)['k']); t(lambda: defaultdict(3))
t(lambda: defaultdict({}))
print(d.copy(), type(d.copy()).__name__, copy.copy(c), copy.deepcopy(d))
print(d | {'n': 0}, {'n': 0} | d, type({'n': 0} | d).__name__)
e = defaultdict(set); e |= {'k': {1}}; print(e)
t(lambda: d | 5)
print(d.__reduce__()[:4], defaultdict().__reduce__()[:2])
print(d == dict(d), isinstance(d, dict))
d.default_factory = tuple; print(d['new'], d)
t(lambda: d.__missing__(1))
d.default_factory = None; t(lambda: d.__missing__((1, 2)))

r = defaultdict(); r.default_factory = r.__getitem__  # recursive factory repr
print(repr(r)[:30])
s = defaultdict(list); s['me'] = s; print(s)

class Sub(defaultdict):
    pass
x = Sub(int, a=1); x['b'] += 2; print(x, x.copy(), type(x | {}).__name__)
print(defaultdict[int, str])
