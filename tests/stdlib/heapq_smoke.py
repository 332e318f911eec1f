import heapq
h = []
for x in [5, 1, 8, 3, 9, 2]:
    heapq.heappush(h, x)
print(h, heapq.heappop(h), heapq.heappushpop(h, 4), heapq.heapreplace(h, 0), h)
l = [9, 7, 5, 3, 1]; heapq.heapify(l); print(l, [heapq.heappop(l) for _ in range(len(l))])
print(heapq.nlargest(3, [1, 8, 2, 9, 3]), heapq.nsmallest(2, ["bb", "a", "ccc"], key=len), list(heapq.merge([1, 4, 7], [2, 5], [3])))
print(list(heapq.merge([5, 3], [4, 1], reverse=True)), list(heapq.merge(["a", "BB"], ["c"], key=len)))
try:
    heapq.heappop([])
except IndexError as e:
    print(e)
