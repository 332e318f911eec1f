# __sizeof__ equals CPython 3.11's on 64-bit: list over-allocation, dict tables (str-only
# tables are smaller; the first non-str key converts), sets, tuples, ranges
l = []
sizes = []
for i in range(40):
    l.append(i)
    sizes.append(l.__sizeof__())
print(sizes)
print([].__sizeof__(), ().__sizeof__(), (1, 2).__sizeof__(), tuple(range(10)).__sizeof__())
l = []; l.extend((1, 2, 3)); print(l.__sizeof__())
l = []; l.extend([1, 2, 3, 4, 5]); print(l.__sizeof__())
l = [0]; l.extend((1, 2, 3)); print(l.__sizeof__())
print(list((1, 2, 3)).__sizeof__(), list(range(7)).__sizeof__(), list(x for x in range(7)).__sizeof__())
print([x for x in range(7)].__sizeof__(), ([1] * 5).__sizeof__(), list(range(9))[:2].__sizeof__())
l = list(range(100))
del l[10:]
print(l.__sizeof__(), sorted(range(50)).__sizeof__())
print({}.__sizeof__(), dict(a=1, b=2).__sizeof__(), dict.fromkeys('abcdefg').__sizeof__())
d = {}
out = []
for i in range(12):
    d[str(i)] = i
    out.append(d.__sizeof__())
d[1] = 1
out.append(d.__sizeof__())
print(out)
d = {}
out = []
for i in range(30):
    d[i] = i
    out.append(d.__sizeof__())
print(out)
print(dict(d).__sizeof__(), d.copy().__sizeof__(), {**d}.__sizeof__())
for i in range(25):
    del d[i]
print(d.__sizeof__(), d.copy().__sizeof__(), dict(d).__sizeof__())
print(dict.fromkeys(range(10)).__sizeof__(), dict.fromkeys(set(range(10))).__sizeof__(),
      dict.fromkeys(dict.fromkeys('abcdef')).__sizeof__())
s = {}
s.setdefault('x', 1); a = s.__sizeof__(); s.setdefault(2, 2); print(a, s.__sizeof__())
class D(dict):
    pass
print(D().__sizeof__() - D.__basicsize__)
print(set().__sizeof__(), set(range(10)).__sizeof__(), frozenset(range(100)).__sizeof__())
s = set()
out = []
for i in range(40):
    s.add(i)
    out.append(s.__sizeof__())
print(out)
print(range(10).__sizeof__(), range(2 ** 100).__sizeof__())
print(dict.fromkeys({1}).__sizeof__(), dict.fromkeys({1: 1}).__sizeof__(),
      dict.fromkeys(set(range(5))).__sizeof__(), dict.fromkeys(set(range(6))).__sizeof__())
d = {}
for i in range(5):
    d[i] = i
for i in range(4):
    del d[i]
d[10] = 10
print(d.__sizeof__())
