# sys.getallocatedblocks(): the number of live blocks of the object allocator, as
# test_sys checks it (positive, not growing across gc.collect(), stable), and that it
# follows allocations and frees of small objects.
import gc
import sys

a = sys.getallocatedblocks()
print(type(a).__name__, a > 0)
gc.collect()
b = sys.getallocatedblocks()
print("not more after collect:", b <= a)
gc.collect()
c = sys.getallocatedblocks()
print("stable:", c in range(b - 50, b + 50))

base = sys.getallocatedblocks()
objs = [object() for _ in range(5000)]
grown = sys.getallocatedblocks() - base
print("5000 objects counted:", 5000 <= grown < 5500)
del objs
print("freed again:", sys.getallocatedblocks() - base < 200)

# blocks bigger than the pools' size classes still count (they come from malloc)
base = sys.getallocatedblocks()
big = [bytes(2000 + i) for i in range(300)]
print("300 big blocks counted:", 300 <= sys.getallocatedblocks() - base < 400)
del big
print("freed again:", sys.getallocatedblocks() - base < 100)
