# list.sort when comparisons fail or the list is mutated: the exception propagates, the
# list stays a permutation of its items, and the state matches CPython's exactly.
count = 0

class Bomb:
    def __init__(self, v, limit):
        self.v = v
        self.limit = limit
    def __lt__(self, other):
        global count
        count += 1
        if count >= self.limit:
            raise ValueError("boom at %d" % count)
        return self.v < other.v
    def __repr__(self):
        return str(self.v)

def lcg(n, seed):
    out, x = [], seed
    for _ in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        out.append(x % 1000)
    return out

for limit in [1, 5, 50, 300, 1000, 2500]:
    count = 0
    data = [Bomb(v, limit) for v in lcg(300, limit)]
    try:
        data.sort()
        print(limit, "sorted", count)
    except ValueError as e:
        vals = [b.v for b in data]
        print(limit, e, sorted(vals) == sorted(lcg(300, limit)), vals[:12])

# a key function that raises: the list is left untouched
data = [3, 1, 2]
def badkey(x):
    if x == 2:
        raise KeyError(x)
    return x
try:
    data.sort(key=badkey)
except KeyError as e:
    print("KeyError", e, data)

# mutation during sort
data = list(range(20, 0, -1))
def mutating_key(x):
    data.append(x)
    return x
try:
    data.sort(key=mutating_key)
except ValueError as e:
    print("ValueError", e, len(data))

class Mut:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        lst.clear()
        return self.v < other.v
lst = [Mut(i) for i in (3, 1, 2)]
try:
    lst.sort()
except ValueError as e:
    print("ValueError", e, [m.v for m in lst])

# inconsistent comparisons still give a permutation
import_free_rand = lcg(500, 99)
class Liar:
    n = 0
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        Liar.n += 1
        return (Liar.n * 7919) % 3 == 0
items = [Liar(v) for v in import_free_rand]
items.sort()
print(sorted(x.v for x in items) == sorted(import_free_rand), Liar.n, [x.v for x in items][:10])
