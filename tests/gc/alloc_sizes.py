# Objects of every small size class and across the 512-byte pool limit: allocate, grow
# (realloc inside and out of the pools), free in a scrambled order, and check contents.
import gc
objs = []
for n in range(0, 700, 7):
    objs.append(("x" * n, bytes(range(256)) * (n // 256) + bytes(n % 256), list(range(n // 8))))
for i in range(0, len(objs), 3):   # free every third, then reuse the holes
    objs[i] = None
for i in range(0, len(objs), 3):
    n = i * 7
    objs[i] = ("y" * n, bytes(n), list(range(n // 8)))
ok = all(len(s) == i * 7 and len(b) == i * 7 and len(l) == (i * 7) // 8
         for i, (s, b, l) in enumerate(objs))
print("sizes ok:", ok)
ba = bytearray()
for i in range(2000):           # grows through every size class, then leaves the pools
    ba += bytes([i % 251])
print(len(ba), sum(ba) % 65521)
while len(ba) > 3:              # shrinks back into them
    del ba[len(ba) // 2:]
print(bytes(ba))
d = {}
for i in range(5000):
    d[i] = (i, str(i))
for i in range(0, 5000, 2):
    del d[i]
print(len(d), sum(k for k in d) % 9973, gc.collect() >= 0)
