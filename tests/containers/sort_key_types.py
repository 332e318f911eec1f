# list.sort's pre-scan of the keys picks a specialised "<" when all keys share a type
# (str, int, float, tuples, or one type's own __lt__); every case must give the answer the
# generic comparison gives, and fall back where the pre-scan's assumptions do not hold.

def lcg(n, seed=7):
    out, s = [], seed
    for _ in range(n):
        s = (s * 1103515245 + 12345) & 0x7FFFFFFF
        out.append(s)
    return out

xs = lcg(300)
# ints: machine-word, mixed with big ints, negatives, bools (a different type)
print(sorted(x % 50 - 25 for x in xs)[:20])
big = [x * 10**30 if x % 3 == 0 else x for x in xs[:60]]
print(sorted(big) == sorted(big, key=lambda v: (v > 0, v)))
print(sorted(big)[:3], sorted(big)[-1] % 1000)
print(sorted([3, True, 2, False, -1, 1.5, 0]))
print(sorted([2**63, -2**63, 2**63 - 1, -2**63 + 1, 0, 2**64, -2**64]))
# floats: nan makes "<" inconsistent, -0.0 == 0.0 keeps order (stability)
print(sorted([0.0, -0.0, 1.5, -2.25, 0.0, -0.0]))
nan = float("nan")
print(sorted([3.0, nan, 1.0, 2.0, nan, 0.5]))
print(sorted([x / 7 for x in xs[:30]])[:4])
print(sorted([1, 2.5, 0, -1.5, 10**20, 3]))
# strs: 1-byte kinds (ASCII and latin-1) bytewise, wider kinds generic, prefixes
print(sorted(["b", "a", "ab", "", "aa", "a\xe9", "a\xff", "A", "\x00"]))
print(sorted(["b", "a", "\u4e2d", "ab", "\U0001f600", "\xe9", ""]))
print(sorted(str(x) for x in xs[:40])[:6])
print(sorted(["x", b"y".decode(), "w"], reverse=True))
# tuples: first items of one type, ties broken by later items, mixed lengths, empty tuple
ts = [(x % 5, x % 3, x) for x in xs[:50]]
print(sorted(ts)[:5])
print(sorted([(1, "b"), (1, "a"), (0, "z"), (1,), (0,), (1, "a", 0)]))
print(sorted([(), (1,), (0, 1), ()]))
print(sorted([("b", 2), ("a", 3), ("a", 1.5), ("a\xe9", 0)]))
print(sorted([(1.5, 1), (1, 2), (0.5, 3), (1, 1)]))
print(sorted([((2, 1), 0), ((1, 5), 1), ((2, 0), 2)]))
print(sorted([(nan, 1), (1.0, 2), (nan, 0)], key=lambda t: t[1]))
print(sorted([(2**70, 1), (5, 2), (-2**70, 3)]))
print(sorted([(1, 2**70), (1, 5), (1, -2**70), (1, 5.5)]))
print(sorted([(1, "b"), (1, 2)], key=lambda t: t[0]))
try:
    sorted([(1, "b"), (1, 2)])
except TypeError as e:
    print("TypeError", e)
try:
    sorted([(1, 2), ("a", 2)])
except TypeError as e:
    print("TypeError", e)
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError", e)
# stability with equal keys of each kind
recs = [(x % 4, i) for i, x in enumerate(xs[:40])]
print(sorted(recs, key=lambda r: r[0])[:10])
print(sorted(recs, key=lambda r: float(r[0]))[:10] == sorted(recs, key=lambda r: r[0])[:10])
print(sorted(recs, key=lambda r: "k%d" % r[0])[-5:])
print(sorted(recs, key=lambda r: (r[0],))[-5:])
print(sorted(recs, key=lambda r: r[0], reverse=True)[:8])

# one user type: its __lt__ is called directly; NotImplemented falls back to __gt__
class K:
    calls = 0
    def __init__(self, v): self.v = v
    def __lt__(self, other):
        K.calls += 1
        return self.v < other.v
    def __repr__(self): return "K(%r)" % self.v
print(sorted(K(x % 20) for x in xs[:15]), K.calls)

class N:
    def __init__(self, v): self.v = v
    def __lt__(self, other): return NotImplemented
    def __gt__(self, other): return self.v > other.v
    def __repr__(self): return "N(%r)" % self.v
print(sorted([N(3), N(1), N(2)]))

class Truthy:
    def __init__(self, v): self.v = v
    def __lt__(self, other): return [1] if self.v < other.v else []
    def __repr__(self): return "T(%r)" % self.v
print(sorted([Truthy(3), Truthy(1), Truthy(2)]))

class BadBool:
    def __bool__(self): raise ValueError("no truth")
class B:
    def __lt__(self, other): return BadBool()
try:
    sorted([B(), B()])
except ValueError as e:
    print("ValueError", e)

class Raiser:
    def __init__(self, v): self.v = v
    def __lt__(self, other):
        if self.v == 7 or other.v == 7:
            raise RuntimeError("seven")
        return self.v < other.v
data = [Raiser(v) for v in [5, 3, 9, 7, 1]]
try:
    data.sort()
except RuntimeError as e:
    print("RuntimeError", e, sorted(r.v for r in data) == [1, 3, 5, 7, 9])

# __lt__ replaced on the class in the middle of a sort
class M:
    def __init__(self, v): self.v = v
    def __lt__(self, other):
        M.__lt__ = lambda a, b: a.v > b.v
        return self.v < other.v
    def __repr__(self): return "M(%r)" % self.v
print(len(sorted(M(x % 9) for x in xs[:12])))

# int subclasses, str subclasses: one type, not the exact builtin
class I(int): pass
print(sorted([I(3), I(1), I(2)]))
class S(str):
    def __lt__(self, other): return len(self) < len(other)
print(sorted([S("ccc"), S("a"), S("bb"), S("zz")]))
print(sorted([I(3), 1, I(2)]))

# list modified during sort by a key-type comparison
class Mut:
    def __init__(self, v, lst): self.v, self.lst = v, lst
    def __lt__(self, other):
        self.lst.append(0)
        return self.v < other.v
lst = []
lst.extend(Mut(v, lst) for v in [3, 1, 2])
try:
    lst.sort()
except ValueError as e:
    print("ValueError", e, len(lst))

# the key function raising part way
def key(v):
    if v == 4:
        raise KeyError(v)
    return v
try:
    sorted([1, 5, 4, 2], key=key)
except KeyError as e:
    print("KeyError", e)
print(sorted([], key=key), sorted([9], key=key))
