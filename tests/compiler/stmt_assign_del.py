# Assignment statements of every target kind (name, attribute, subscript, slice,
# tuple/list unpacking, starred, nested, chained), augmented assignment of each target
# kind (evaluated once), and del of each target kind.
class Obj:
    pass


log = []


def ev(tag, value):
    log.append(tag)
    return value


o = Obj()
d = {}
lst = [0, 1, 2, 3, 4, 5]
a = 1
o.attr = 2
d['k'] = 3
lst[1:3] = ['x', 'y', 'z']
lst[::2] = [10, 20, 30, 40][:len(lst[::2])]
print(a, o.attr, d, lst)
b, c = 1, 2
[e, f] = 'ef'
(g, (h, i)), j = (1, (2, 3)), 4
first, *middle, last = range(6)
*init, tail = 'abc'
head, *rest = [1]
print(b, c, e, f, g, h, i, j, first, middle, last, init, tail, head, rest)
p = q = r = []
p.append(1)
print(p is q is r, q)
o.x, d['y'], lst[0] = 'ox', 'dy', 'l0'
print(o.x, d['y'], lst[0])
for t in [(1, 2)]:
    pass
m, n = n, m = 1, 2
print(m, n)
x1 = x2 = ev('value', 5)
print(x1, x2, log)
log.clear()
ev('obj', o).cnt = 0
ev('obj', o).cnt += ev('rhs', 1)
ev('dict', d)[ev('key', 'n')] = 10
ev('dict', d)[ev('key', 'n')] *= ev('rhs', 3)
ev('list', lst)[ev('lo', 0):ev('hi', 2)] += ['added']
print(o.cnt, d['n'], lst, log)
s = 'a'
s += 'b'
s *= 2
num = 7
num //= 2; num **= 3; num %= 5; num <<= 2; num >>= 1; num |= 8; num &= 12; num ^= 1; num -= 1
num /= 2
print(s, num)
mat = [[1, 2], [3, 4]]


class M:
    def __init__(self, v): self.v = v
    def __matmul__(self, other): return M(self.v * other.v)
    def __imatmul__(self, other): self.v += other.v; return self


mm = M(2)
mm @= M(3)
print(mm.v, (M(2) @ M(5)).v)
try:
    a, b = [1, 2, 3]
except ValueError as exc:
    print('ValueError', exc)
try:
    a, b, *c = [1]
except ValueError as exc:
    print('ValueError', exc)
try:
    undefined_thing += 1
except NameError as exc:
    print('NameError', exc)
del a
del o.attr, d['k']
del lst[0], lst[1:2]
del (b, c), [e, f]
print('a' in globals(), hasattr(o, 'attr'), d, lst, 'b' in globals(), 'f' in globals())
try:
    del a
except NameError as exc:
    print('NameError', exc)


def local_del():
    v = 1
    del v
    try:
        del v
    except UnboundLocalError as exc:
        print('UnboundLocalError', exc)
    w, z = 1, 2
    del (w, [z])
    return 'w' in locals(), 'z' in locals()


print(local_del())


class AnnTargets:
    x: int = 1
    y: list = [1, 2]


print(AnnTargets.x, AnnTargets.y)
