import bisect
a = [1, 2, 2, 2, 5, 8]
print(bisect.bisect_left(a, 2), bisect.bisect_right(a, 2), bisect.bisect(a, 9), bisect.bisect_left(a, 0), bisect.bisect_left(a, 2, 4))
bisect.insort(a, 3); bisect.insort_left(a, 2); print(a)
recs = [("a", 1), ("b", 5), ("c", 9)]
print(bisect.bisect_left(recs, 5, key=lambda r: r[1]))
bisect.insort(recs, ("x", 7), key=lambda r: r[1]); print(recs)
try:
    bisect.bisect([], 1, -1)
except ValueError as e:
    print(e)
