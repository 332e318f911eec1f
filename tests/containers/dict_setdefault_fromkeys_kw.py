# setdefault does a single lookup; fromkeys(dict/set) reuses stored hashes;
# update(**kw) rejects non-str keywords (CPython test_dict / test_set cases).
class Hashed:
    def __init__(self):
        self.hash_count = 0
        self.eq_count = 0
    def __hash__(self):
        self.hash_count += 1
        return 42
    def __eq__(self, other):
        self.eq_count += 1
        return id(self) == id(other)

h1, h2 = Hashed(), Hashed()
y = {h1: 5}
y.setdefault(h2, [])
print("setdefault eq calls:", h1.eq_count + h2.eq_count)
print("setdefault hash calls:", h1.hash_count + h2.hash_count)

class H:
    def __init__(self, v):
        self.v = v
        self.hash_count = 0
    def __hash__(self):
        self.hash_count += 1
        return self.v
    def __eq__(self, o):
        return self is o

for make in (set, frozenset, lambda xs: dict.fromkeys(xs)):
    src = make([H(i) for i in range(10)])
    for e in src:
        e.hash_count = 0
    d = dict.fromkeys(src, 7)
    print(type(src).__name__, sum(e.hash_count for e in d), sorted(k.v for k in d), set(d.values()))

for args in ((), ({'a': 1},)):
    try:
        {}.update(*args, **{1: 2})
    except TypeError as e:
        print("TypeError:", e)
try:
    dict(**{1: 2})
except TypeError as e:
    print("TypeError:", e)
d = {}
d.update(a=1, b=2)
print(d)
print(dict.fromkeys(frozenset('ab'), 0) == {'a': 0, 'b': 0}, dict.fromkeys({}))
