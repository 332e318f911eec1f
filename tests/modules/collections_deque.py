# deque: methods, maxlen, rotate, reprs, errors, iteration, mutation detection, sizes
from collections import deque

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

d = deque('abcdef')
d.append('g'); d.appendleft('z')
print(d, len(d), d[0], d[-1], 'c' in d, 'q' in d)
d.rotate(3); print(d)
d.rotate(-5); print(d)
d.rotate(100); print(d)
d.reverse(); print(d)
print(d.pop(), d.popleft(), d)
d.extend('xy'); d.extendleft('12'); print(d)
d.insert(2, 'I'); d.insert(-1, 'J'); d.insert(100, 'K'); d.insert(-100, 'L'); print(d)
d.remove('I'); del d[3]; d[0] = 'first'; print(d)
print(d.count('x'), d.index('x'), d.index('x', 2, 20))
t(lambda: d.index('x', 0, 3))
t(lambda: d.index('nope'))
t(lambda: d.remove('nope'))
print(d.copy(), list(reversed(d)))
d.clear(); print(d, bool(d))

# maxlen
m = deque(range(5), maxlen=3); print(m, m.maxlen)
m.append(9); print(m); m.appendleft(-1); print(m)
m.extend(range(10, 14)); print(m); m.extendleft('ab'); print(m)
t(lambda: m.insert(0, 'x'))
print(deque(maxlen=0), deque([1, 2], maxlen=0))
print(deque([1, 2]) * 3, 3 * deque([7]), deque([1, 2], maxlen=5) * 4, deque([1], maxlen=3) * 9)
x = deque([1, 2]); x *= 0; print(x)
x = deque([1, 2]); x += [3]; x += x; print(x)
print(deque([1, 2]) + deque([3]))
t(lambda: deque() + [1])

# comparisons
print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) != deque([1]), deque([1, 2]) < deque([1, 3]),
      deque([1, 2]) <= deque([1, 2, 0]), deque([2]) > deque([1, 9]), deque() >= deque())
print(deque([1]) == [1])

# errors
t(lambda: deque().pop()); t(lambda: deque().popleft())
t(lambda: deque([1])[1]); t(lambda: deque([1])[-2]); t(lambda: deque([1])['a'])
t(lambda: deque(maxlen=-2)); t(lambda: deque(maxlen='3')); t(lambda: deque(5))
t(lambda: hash(deque())); t(lambda: deque().rotate(1.5)); t(lambda: deque(1, 2, 3))

# mutation during iteration
d = deque(range(5))
for op in ('append', 'rotate', 'reverse', 'setitem', 'pop'):
    d = deque(range(5)); it = iter(d); next(it)
    if op == 'append': d.append(9)
    elif op == 'rotate': d.rotate(1)
    elif op == 'reverse': d.reverse()
    elif op == 'setitem': d[1] = 'S'
    else: d.pop()
    t(lambda: next(it))

class Eq:
    def __init__(self, d): self.d = d
    def __eq__(self, other):
        self.d.append(1)
        return False
d = deque([1, 2, 3])
t(lambda: d.count(Eq(d))); t(lambda: Eq(d) in d); t(lambda: d.remove(Eq(d)))

# recursion, subclass, iterators, pickling support
d = deque(); d.append(d); print(d)
class Sub(deque):
    pass
s = Sub('ab', maxlen=4); print(s, type(s.copy()).__name__, s.copy())
print(Sub('xy') + Sub('z'), type(Sub('xy') * 2).__name__)
d = deque('abc', 5)
print(d.__reduce__()[:3], type(d.__reduce__()[3]).__name__)
it = iter(d); next(it)
print(it.__length_hint__(), it.__reduce__()[1])
cls, args = it.__reduce__(); print(list(cls(*args)))
rit = reversed(d); next(rit); cls, args = rit.__reduce__(); print(list(cls(*args)))
import copy
print(copy.copy(d), copy.deepcopy(deque([[1]], 2)), copy.copy(Sub([1, 2], 3)))

# sizes as CPython on 64-bit
for n in (0, 31, 32, 33, 63, 64, 65, 100, 200):
    a = deque(range(n)); b = deque(); c = deque()
    for i in range(n):
        b.append(i); c.appendleft(i)
    print(n, a.__sizeof__(), b.__sizeof__(), c.__sizeof__())
a = deque(range(10)); a.rotate(5); print(a.__sizeof__()); a.rotate(-40); print(a.__sizeof__())
print(deque.__class_getitem__(int), deque[str])
