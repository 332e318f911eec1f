# Random operation sequences on the C OrderedDict and the pure-Python one from
# collections/__init__.py side by side: same results, same exception types, same order.
import copy
import random
from test.support import import_helper

py_coll = import_helper.import_fresh_module('collections', blocked=['_collections'])
c_coll = import_helper.import_fresh_module('collections', fresh=['_collections'])
PyOD = py_coll.OrderedDict
COD = c_coll.OrderedDict
assert PyOD is not COD and type(COD) is type and COD.__module__ == 'collections'

class Coll:
    """Equal keys with one hash (bucket collisions); compares by value."""
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return 42
    def __eq__(self, other):
        return isinstance(other, Coll) and self.v == other.v
    def __repr__(self):
        return 'Coll(%d)' % self.v

KEYS = list(range(-3, 40)) + ['s%d' % i for i in range(20)] + [Coll(i) for i in range(6)]
KEYS += [2 ** 70, 1.5, (1, 2), None]

def run(rng, od, ops):
    out = []
    for op, args in ops:
        try:
            r = op(od, *args)
        except Exception as e:
            r = ('exc', type(e).__name__)
        out.append((r, list(od.items()), len(od)))
    return out

def gen_ops(rng, n):
    k = lambda: rng.choice(KEYS)
    ops = []
    for _ in range(n):
        c = rng.randrange(22)
        if c < 6:
            ops.append((lambda od, a, b: od.__setitem__(a, b), (k(), rng.randrange(100))))
        elif c < 8:
            ops.append((lambda od, a: od.__delitem__(a), (k(),)))
        elif c == 8:
            ops.append((lambda od, a: od.pop(a), (k(),)))
        elif c == 9:
            ops.append((lambda od, a: od.pop(a, 'dflt'), (k(),)))
        elif c == 10:
            ops.append((lambda od, b: od.popitem(last=b), (rng.random() < 0.5,)))
        elif c in (11, 12):
            ops.append((lambda od, a, b: od.move_to_end(a, last=b), (k(), rng.random() < 0.5)))
        elif c == 13:
            ops.append((lambda od, a: od.setdefault(a, 'sd'), (k(),)))
        elif c == 14:
            pairs = [(k(), rng.randrange(9)) for _ in range(rng.randrange(4))]
            ops.append((lambda od, p: od.update(p), (pairs,)))
        elif c == 15:
            ops.append((lambda od: (list(od), list(reversed(od)), list(od.values()),
                                    list(reversed(od.items()))), ()))
        elif c == 16:
            ops.append((lambda od: (od == type(od)(od.items()), od == dict(od),
                                    od != type(od)(reversed(list(od.items())))), ()))
        elif c == 17:
            ops.append((lambda od, a: (a in od, od.get(a), a in od.keys()), (k(),)))
        elif c == 18:
            ops.append((lambda od: list(copy.deepcopy(od).items()), ()))
        elif c == 19:
            ops.append((lambda od: list(od.copy().items()), ()))
        elif c == 20 and rng.random() < 0.1:
            ops.append((lambda od: od.clear(), ()))
        else:
            pairs = [(k(), 0) for _ in range(rng.randrange(3))]
            ops.append((lambda od, p: od.__ior__(p) is od, (pairs,)))
    return ops

def iterate_mutating(rng, cls):
    """The C type stops with RuntimeError; the pure-Python one may not: no comparison,
    only that the C one raises instead of yielding past a change of order."""
    od = cls.fromkeys(range(8))
    seen = []
    try:
        for i, key in enumerate(od):
            seen.append(key)
            if i == 3:
                rng.choice([lambda: od.move_to_end(0), lambda: od.__delitem__(7),
                            lambda: od.__setitem__(99, 1), lambda: od.popitem()])()
    except RuntimeError as e:
        seen.append(str(e))
    return seen

mismatches = 0
for seed in range(60):
    ops = gen_ops(random.Random(seed), 300)
    a = run(random.Random(seed), COD(), ops)
    b = run(random.Random(seed), PyOD(), ops)
    if a != b:
        mismatches += 1
        for i, (x, y) in enumerate(zip(a, b)):
            if x != y:
                print('seed', seed, 'step', i, x[0], y[0])
                break
    r = iterate_mutating(random.Random(seed), COD)
    if r != [0, 1, 2, 3, 'OrderedDict mutated during iteration']:
        mismatches += 1
        print('iteration seed', seed, r)
print('mismatches:', mismatches)
