# dict: construction, access, methods, views, order, errors
d = {"a": 1, "b": 2}
d["c"] = 3; d["a"] = 10
print(d, len(d), d["b"], d.get("z"), d.get("z", 0), "a" in d, "z" not in d)
del d["b"]; d["b"] = 4; print(d, list(d), list(d.values()), list(d.items()))
print(dict(x=1, y=2), dict([(1, 2), (3, 4)]), dict({1: 2}, z=3), dict(zip("ab", range(2))))
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0))
print(d.setdefault("a", 0), d.setdefault("q", []), d)
print(d.pop("q"), d.pop("zz", "dflt"), d.popitem(), d)
c = d.copy(); c.update({"n": 1}, m=2); c.update([("o", 3)]); print(c, d)
print({1: 2} | {3: 4}, {1: 2, 3: 4} == {3: 4, 1: 2}, {1: 2} != {1: 3})
e = {1: 1}; e |= {2: 2}; e |= [(3, 3)]; print(e)
print(list(reversed(e)), list(reversed(e.values())), list(reversed(e.items())))
k = e.keys(); print(k, e.values(), e.items(), len(k), 2 in k, (2, 2) in e.items())
print(k & {1, 2, 5}, k | {9}, k - {1}, k ^ {1, 7}, k == {1, 2, 3}, k < {1, 2, 3, 4})
print(k.isdisjoint({7}), e.items() & {(1, 1)}, k.mapping)
r = {}; r["self"] = r; print(r)
print({1: 1, 1.0: 2, True: 3})
big = {i: i * i for i in range(1000)}
for i in range(0, 1000, 2):
    del big[i]
print(len(big), list(big)[:5], sum(big.values()))
class M(dict):
    def __missing__(self, key):
        return key * 2
m = M(a=1); print(m["zz"], m["a"], m)
x = {}
for src in ["x['nope']", "x[[1]]", "x.popitem()", "dict([1])", "dict([[1, 2, 3]])", "dict(1)",
            "x.pop(5)", "dict({}, {})", "x.get()", "dict.fromkeys()", "{[]: 1}", "x | [1]"]:
    try:
        print(eval(src))
    except Exception as ex:
        print(type(ex).__name__, ex)
it = {1: 1, 2: 2}
try:
    for key in it:
        it[key + 10] = 0
except RuntimeError as ex:
    print(type(ex).__name__, ex)
it = {1: 1, 2: 2}
try:
    for key in it:
        del it[key]; it[key + 10] = 0
except RuntimeError as ex:
    print(type(ex).__name__, ex)
