class V:
    def __init__(self, x): self.x = x
    def __repr__(self): return "V(%r)" % self.x
    def __eq__(self, o): return isinstance(o, V) and self.x == o.x
    def __lt__(self, o): return self.x < o.x
    def __len__(self): return self.x
    def __getitem__(self, i): return i * 2
    def __radd__(self, o): return V(o + self.x)
    def __call__(self, *a, **k): return (a, sorted(k.items()))
    def __bool__(self): return self.x != 0
    def __iter__(self): return iter(range(self.x))
    def __contains__(self, v): return v == 'in'

v = V(3)
print(v, len(v), v[5], 1 + v, v(1, k=2), bool(V(0)), list(v), 'in' in v, 'out' in v)
print(V(1) == V(1), V(1) != V(2), V(1) < V(2), V(3) > V(2), sorted([V(3), V(1)]))
try:
    hash(v)
except TypeError as e:
    print("TypeError:", e)

class Late:
    pass
Late.__add__ = lambda self, o: "added"
Late.__len__ = lambda self: 7
print(Late() + 1, len(Late()))
del Late.__add__
try:
    Late() + 1
except TypeError as e:
    print("TypeError:", e)

class Base:
    def __getattr__(self, name): return "dyn_" + name
class Sub(Base):
    real = 1
print(Sub().real, Sub().missing)

class Sub2(int):
    def __radd__(self, o): return "Sub2.radd"
print(1 + Sub2(2))
try:
    1 + "a"
except TypeError as e:
    print("TypeError:", e)
try:
    -"a"
except TypeError as e:
    print("TypeError:", e)
try:
    1 < "a"
except TypeError as e:
    print("TypeError:", e)
try:
    n = 1
    n[0]
except TypeError as e:
    print("TypeError:", e)
try:
    (1, 2)[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    iter(5)
except TypeError as e:
    print("TypeError:", e)
try:
    n = 5
    n()
except TypeError as e:
    print("TypeError:", e)
try:
    hash([])
except TypeError as e:
    print("TypeError:", e)
