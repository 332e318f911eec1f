# for/comprehension/with targets stop before `in` (star_targets, not comparisons).
for who in ["krait", "python"]:
    print(who)
for a, (b, *c) in [(1, (2, 3, 4))]:
    print(a, b, c)
print([x * 2 for x in range(3) if x], {k: v for k, v in {"a": 1}.items()})
print(sorted(k for k in "cab" if k != "a"))
d = {}
for d["k"] in [5]:
    pass
print(d)
class CM:
    def __init__(self, n): self.n = n
    def __enter__(self): return self.n
    def __exit__(self, *a): return False
with CM("a") as x, CM("b") as y:
    print(x, y)
with (CM(1) as p, CM(2) as q):
    print(p, q)
print(*(1 + 2, 3), f"{'w':>{4}}|")
