import copy
a = [1, [2, 3], {"k": (4, [5])}]
s, d = copy.copy(a), copy.deepcopy(a)
a[1].append(99); a[2]["k"][1].append(6)
print(s, d, s[1] is a[1], d[1] is a[1])
r = [1]; r.append(r); rc = copy.deepcopy(r); print(rc[1] is rc, rc is not r)
class C:
    def __init__(self): self.x = [1]
    def __copy__(self):
        print("custom copy"); n = C.__new__(C); n.x = self.x; return n
c = C(); print(copy.copy(c).x is c.x, copy.deepcopy(c).x is c.x)
class D:
    def __init__(self, v): self.v = v
    def __deepcopy__(self, memo): return D(self.v * 2)
print(copy.deepcopy([D(3)])[0].v)
class S:
    __slots__ = ("a", "b")
o = S(); o.a = [1]; print(copy.deepcopy(o).a, copy.copy(o).a is o.a)
print(copy.copy((1, 2)) is not None, copy.deepcopy(frozenset({1})), copy.copy(range(3)), copy.deepcopy({1, 2}))
try:
    copy.deepcopy(iter([]))
except TypeError as e:
    print(e)
