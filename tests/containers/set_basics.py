# set/frozenset: order (PYTHONHASHSEED=0), algebra, methods, reprs, hash, errors
s = {5, 3, 1, 9, 17, 33}
print(s, set(), frozenset(), frozenset({1}), set("abracadabra") == set("abrcd"))
print(sorted(set("hello world")), len(set("hello world")))
print({1, 2, 3} | {3, 4}, {1, 2, 3} & {2, 3, 9}, {1, 2, 3} - {2}, {1, 2, 3} ^ {3, 4})
print({1, 2} <= {1, 2, 3}, {1, 2} < {1, 2}, {1, 2, 3} >= {3}, {1} == frozenset({1}))
print(set(range(20)), set(range(100, 0, -7)))
t = set(range(10)); t.discard(3); t.remove(4); t.add(100); t.add(36); print(t)
print(t.pop(), t.pop(), t)
u = {1, 2, 3}; u.update([4], (5,)); u.intersection_update({1, 2, 4, 5, 9}); print(u)
u.difference_update({1}); u.symmetric_difference_update({2, 7}); print(u)
print({1, 2}.union([3], (4,)), {1, 2, 3}.intersection([2, 3], {3}), {1, 2, 3}.difference({1}, [2]))
print({1, 2}.issubset([1, 2, 3]), {1, 2}.issuperset([1]), {1, 2}.isdisjoint([3]))
print(hash(frozenset()), hash(frozenset({1, 2, 3})), hash(frozenset("abc")) == hash(frozenset("cba")))
print(hash(frozenset(range(50))), frozenset({frozenset({1})}))
f = frozenset([3, 2, 1]); print(f | {4}, f & {1}, type(f | {4}).__name__, f.copy() is f)
print({frozenset({1, 2}): "x"}[frozenset({2, 1})], {1, 2} in [{2, 1}], frozenset({1}) in {frozenset({1})})
print({1, 2} in {frozenset({1, 2})})
words = {"apple", "banana", "cherry", "date", "elderberry", "fig", "grape"}
print(words)
print({(1, 2), (3, 4), (5, 6)}, {None, True, 0.5}, {-1, -2, 2**70, 10**20})
class S(set): pass
print(S([1, 2]), type(S([1]) | {2}).__name__, repr(frozenset()))
r = set(range(30))
for i in range(0, 30, 3):
    r.discard(i)
r.update(range(40, 50))
print(r)
for src in ["set().pop()", "{1}.remove(2)", "{[]}", "set([[]])", "set(1)", "set(x=1)",
            "frozenset({1}, x=1)", "{1} | [1]", "hash({1})"]:
    try:
        print(eval(src))
    except Exception as ex:
        print(type(ex).__name__, ex)
it = {1, 2, 3}
try:
    for x in it:
        it.add(x + 10)
except RuntimeError as ex:
    print(type(ex).__name__, ex)
