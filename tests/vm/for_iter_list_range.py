# FOR_ITER over list and range iterators: values, mutation during iteration, exhaustion.
import sys
l = [1, 2, 3]
out = []
for x in l:
    out.append(x)
    if x == 2:
        l.append(4)
print(out)
l = [1, 2, 3, 4]
for x in l:
    l.remove(x)
print(l)
it = iter([1, 2])
for x in it: pass
print(list(it), next(it, "done"))
for x in it: print("never")
print(list(range(-3, 3)), list(range(10, 0, -3)), list(range(0)))
big = sys.maxsize
print([x - big for x in range(big - 2, big)])
print([x for x in range(-big - 1, -big + 2)])
print(sum(range(250, 260)), [x for x in range(255, 259)])
r = iter(range(3))
for x in r:
    if x == 1: break
print(list(r))
def gen():
    for x in [10, 20]:
        yield x
print(list(gen()))
