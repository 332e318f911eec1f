# list.sort follows CPython's timsort exactly: the comparisons made (their number and
# order) are observable through __lt__; covers runs, minrun, galloping and merge policy.
log = []

class K:
    __slots__ = ("v",)
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        log.append((self.v, other.v))
        return self.v < other.v
    def __repr__(self):
        return "K(%r)" % (self.v,)

def lcg(n, seed, mod):
    out = []
    x = seed
    for _ in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        out.append(x % mod)
    return out

def check(name, data, **kw):
    del log[:]
    items = [K(v) for v in data]
    items.sort(**kw)
    vals = [k.v for k in items]
    h = 0
    for a, b in log:
        h = (h * 1000003 + hash(a) * 31 + hash(b)) % 18446744073709551557
    ok = vals == sorted(data, reverse=kw.get("reverse", False))
    print(name, len(data), len(log), h, ok)

check("tiny", [3, 1, 2])
print(log)
check("sorted", list(range(100)))
check("reversed", list(range(100, 0, -1)))
check("random64", lcg(64, 1, 1000))
check("random200", lcg(200, 7, 1000))
check("random1000", lcg(1000, 42, 10 ** 6))
check("dups1000", lcg(1000, 3, 5))
check("runs", list(range(300)) + list(range(50)) + list(range(500, 200, -1)) + lcg(100, 9, 999))
check("sawtooth", [i % 37 for i in range(2000)])
check("gallop", list(range(0, 3000, 2)) + list(range(1, 3000, 2)))
check("blocks", list(range(1000, 2000)) + list(range(0, 1000)))
check("revkw", lcg(500, 11, 50), reverse=True)
check("many-runs", sum([list(range(i, i + 40)) for i in lcg(60, 5, 10000)], []))

# a key function is called once per item, in order, before any comparison
calls = []
def key(x):
    calls.append(x)
    return K(x)
del log[:]
data = [5, 2, 8, 1, 9, 3]
print(sorted(data, key=key), calls, log)
# stability with equal keys
pairs = [(v % 10, i) for i, v in enumerate(lcg(300, 13, 1000))]
print(sorted(pairs, key=lambda p: p[0]) == sorted(pairs, key=lambda p: (p[0], p[1])))
print(sorted(pairs, key=lambda p: p[0], reverse=True)[:8])
