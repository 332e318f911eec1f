# bisect with the _bisect accelerator: lo/hi/key, insort into lists and other sequences, errors
import bisect, _bisect

def e(f):
    try:
        print(f())
    except Exception as x:
        print(type(x).__name__, x)

a = [1, 2, 2, 2, 5, 8]
print(bisect.bisect is _bisect.bisect_right, bisect.insort is _bisect.insort_right)
print([bisect.bisect_left(a, x) for x in range(10)], [bisect.bisect_right(a, x) for x in range(10)])
print(bisect.bisect(a, 2, 2), bisect.bisect_left(a, 2, 0, 2), bisect.bisect_right(a, 2, hi=2), bisect.bisect_right(a, 2, 0, -1), bisect.bisect_right(a, 2, 0, -3))
bisect.insort(a, 3); bisect.insort_left(a, 2); bisect.insort_right(a, 9, lo=3); print(a)
recs = [('a', 1), ('b', 3), ('c', 5)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]), bisect.bisect_right(recs, 3, key=lambda r: r[1]))
bisect.insort(recs, ('x', 4), key=lambda r: r[1]); print(recs)
class Seq(list):
    def insert(self, i, x):
        print('insert', i, x); super().insert(i, x)
s = Seq([1, 3]); bisect.insort(s, 2); print(s)
class Loud:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        print('cmp', self.v, o.v); return self.v < o.v
L = [Loud(i) for i in range(8)]; print(bisect.bisect_left(L, Loud(5)), bisect.bisect_right(L, Loud(2)))
print(bisect.bisect('abcdef', 'd'), bisect.bisect(range(100), 42))
e(lambda: bisect.bisect_right([1], 1, -1)); e(lambda: bisect.bisect_right([1], 1, 'a'))
e(lambda: bisect.bisect_right([1], 1, 0, 'a')); e(lambda: bisect.bisect_right([1]))
e(lambda: bisect.bisect_left(1, 1)); e(lambda: bisect.insort(None, 1)); e(lambda: bisect.insort((1, 2), 1))
e(lambda: bisect.bisect_right([1, 2, 3], 2, foo=1)); e(lambda: bisect.bisect_right([1, 'a'], 2))
