# Producer/consumer through queue.Queue: three producers and three consumers exchange
# items through a small bounded queue, so every put/get may block on a
# threading.Condition (lock waits that release the GIL) and threads hand over
# constantly.  Each item is a small tuple; consumers fold them into per-thread sums.
import queue
import threading

PRODUCERS = 3
CONSUMERS = 3
ITEMS = 25_000          # per producer
MAXSIZE = 16

def producer(q, k):
    x = 1 + k
    for i in range(ITEMS):
        x = (x * 69069 + 1) & 0xffffffff
        q.put((k, i, x))

def consumer(q, sums, counts, j):
    s = 0
    c = 0
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        k, i, x = item
        s = (s + x * (k + 1) + i) & 0xffffffffffff
        c += 1
        q.task_done()
    sums[j] = s
    counts[j] = c

q = queue.Queue(MAXSIZE)
sums = [0] * CONSUMERS
counts = [0] * CONSUMERS
cons = [threading.Thread(target=consumer, args=(q, sums, counts, j)) for j in range(CONSUMERS)]
prods = [threading.Thread(target=producer, args=(q, k)) for k in range(PRODUCERS)]
for t in cons + prods:
    t.start()
for t in prods:
    t.join()
for _ in cons:
    q.put(None)
q.join()
for t in cons:
    t.join()
# which consumer got which item depends on scheduling; the totals do not
print("items:", sum(counts))
print("checksum:", sum(sums) & 0xffffffffffff)
