# __reduce__ of dict/set/OrderedDict iterators: (iter, (list of what is left,)) without
# consuming the iterator; pickling and copying them; exhausted and mutated cases.
import pickle, collections, copy
d = {'a': 1, 'b': 2, 'c': 3}
s = {1, 2, 3}
od = collections.OrderedDict(d)
for it in (iter(d), iter(d.values()), iter(d.items()), reversed(d), iter(s), iter(od), iter(od.items()), reversed(od.values()), iter({}), iter(set())):
    next(it, None)
    r = it.__reduce__()
    print(type(it).__name__, r[0].__name__, sorted(r[1][0], key=repr), list(pickle.loads(pickle.dumps(it))) == list(copy.copy(it)))
    print(sorted(list(it), key=repr))
it = iter(d); list(it); print(it.__reduce__())
it = iter(d); d['z'] = 1
try: it.__reduce__()
except RuntimeError as e: print('RuntimeError', e)
