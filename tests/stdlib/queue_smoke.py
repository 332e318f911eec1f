import queue, threading
q = queue.Queue(maxsize=3)
for i in range(3): q.put(i)
print(q.qsize(), q.full(), q.empty(), q.get(), q.get_nowait())
try:
    queue.Queue().get_nowait()
except queue.Empty:
    print("Empty")
try:
    q.put(9); q.put(10); q.put(11, block=False)
except queue.Full:
    print("Full")
lq = queue.LifoQueue(); pq = queue.PriorityQueue(); sq = queue.SimpleQueue()
for x in [3, 1, 2]: lq.put(x); pq.put((x, str(x))); sq.put(x)
print([lq.get() for _ in range(3)], [pq.get() for _ in range(3)], [sq.get() for _ in range(3)])
work = queue.Queue(); out = []
def worker():
    while True:
        item = work.get()
        if item is None: work.task_done(); break
        out.append(item * 10); work.task_done()
t = threading.Thread(target=worker); t.start()
for i in range(5): work.put(i)
work.put(None); work.join(); t.join(); print(out)
try:
    q.get(timeout=0.01); q.get(timeout=0.01); q.get(timeout=0.01); q.get(timeout=0.01)
except queue.Empty:
    print("timeout Empty")
