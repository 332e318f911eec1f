# heapq with the _heapq accelerator: results, comparison order, errors, merge/nlargest
import heapq, _heapq, random

def e(f):
    try:
        print(f())
    except Exception as x:
        print(type(x).__name__, x)

print(heapq.heappush is _heapq.heappush, heapq.heappop is _heapq.heappop)
h = []
for x in [5, 1, 8, 3, 9, 2, 7]:
    heapq.heappush(h, x)
print(h, [heapq.heappop(h) for _ in range(3)], h)
print(heapq.heapreplace(h, 0), h, heapq.heappushpop(h, -1), heapq.heappushpop(h, 100), h)
r = random.Random(5); data = [r.randrange(1000) for _ in range(50)]
heapq.heapify(data); print(data)
print(heapq.nsmallest(4, data), heapq.nlargest(4, data), list(heapq.merge([1, 4, 7], [2, 5], [3, 6, 9])))
print(list(heapq.merge([7, 4, 1], [5, 2], reverse=True)), heapq.nlargest(2, ['aa', 'b', 'cccc'], key=len))
m = [3, 1, 4, 1, 5, 9, 2, 6]; _heapq._heapify_max(m); print(m, _heapq._heappop_max(m), _heapq._heapreplace_max(m, 0), m)

class C:
    def __init__(self, v): self.v = v
    def __lt__(self, other):
        print('lt', self.v, other.v)
        return self.v < other.v
    def __repr__(self): return 'C(%d)' % self.v
hc = [C(v) for v in [4, 2, 6, 1, 3]]
heapq.heapify(hc); heapq.heappush(hc, C(0)); print(heapq.heappop(hc), hc)
big = list(range(3000, 0, -1)); heapq.heapify(big); print(big[:8], big[1500:1505])

e(lambda: heapq.heappush(1, 2)); e(lambda: heapq.heappop([])); e(lambda: heapq.heapreplace([], 1))
e(lambda: heapq.heappushpop([], 1)); e(lambda: heapq.heapify(())); e(lambda: heapq.heappush([]))
e(lambda: _heapq._heappop_max([])); e(lambda: heapq.heappush([], 1, 2)); e(lambda: heapq.heappop(None))
e(lambda: heapq.heappush([1], 'a'))

class Shrink:
    def __init__(self, h): self.h = h
    def __lt__(self, o):
        self.h.clear()
        return True
hs = [1, 2]; e(lambda: heapq.heappush(hs, Shrink(hs)))
print(_heapq.__about__.splitlines()[2], len(_heapq.__about__))
