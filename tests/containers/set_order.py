# set iteration order equals CPython's under PYTHONHASHSEED=0: ints, strs, tuples, floats,
# mixed; after growth, deletions (dummies), re-adds, copies, and set algebra results.
def show(label, s):
    print(label, len(s), list(s))

s = set()
for i in range(0, 200, 7):
    s.add(i)
show("ints+7", s)
s = set()
for i in [-1, -2, 2 ** 61 - 1, 2 ** 61, 2 ** 64, -(2 ** 63), 8, 16, 24, 32, 40, 48]:
    s.add(i)
show("bigints", s)
words = "the quick brown fox jumps over the lazy dog and then some more words here".split()
show("strs", set(words))
show("chars", set("abcdefghijklmnopqrstuvwxyz0123456789"))
show("tuples", set((i, j) for i in range(4) for j in range(3)))
show("nested", set([(1, (2, 3)), ("a", ()), (), ((),), (1.5, True)]))
show("floats", set([0.5, 1.5, -2.25, 3.0, 1e100, float("inf"), -0.0]))
show("mixed", set([1, "1", 1.5, (1,), False, "abc", 2 ** 70, frozenset([1])]))

# deletions leave dummies; adding back reuses the first dummy on the probe chain
s = set(range(40))
for i in range(0, 40, 3):
    s.discard(i)
show("after-discard", s)
for i in range(100, 110):
    s.add(i)
show("re-add", s)
for i in range(0, 40, 3):
    s.add(i)
show("add-back", s)
while len(s) > 30:
    s.pop()
show("after-pop", s)

# growth through several resizes, and shrink via copy
s = set()
for i in range(1000):
    s.add(i * 7919 % 10007)
print("grown", len(s), list(s)[:20], list(s)[-10:])
t = s.copy()
print("copy-same", list(t) == list(s))
for i in range(0, 10007, 2):
    s.discard(i * 7919 % 10007)
print("thinned", len(s), list(s)[:20])
print("copy-thinned", list(s.copy())[:20])

# algebra results have their own tables
a = set(range(0, 60, 2))
b = set(range(0, 60, 3))
show("or", a | b)
show("and", a & b)
show("sub", a - b)
show("xor", a ^ b)
show("frozen", frozenset(words))
show("update", set(words) | set("xyz"))
d = dict.fromkeys(words)
show("from-dict", set(d))
show("from-keys", set(d.keys()))
print(hash(frozenset(range(10))), hash(frozenset(words)), hash(frozenset()))
