# queue-based producers and consumers: everything produced is consumed exactly once.
import queue
import threading

q = queue.Queue(maxsize=10)
results = []
results_lock = threading.Lock()
SENTINEL = object()

def producer(base):
    for i in range(500):
        q.put(base + i)

def consumer():
    while True:
        item = q.get()
        if item is SENTINEL:
            q.task_done()
            break
        with results_lock:
            results.append(item * 2)
        q.task_done()

producers = [threading.Thread(target=producer, args=(k * 1000,)) for k in range(4)]
consumers = [threading.Thread(target=consumer) for _ in range(3)]
for t in producers + consumers:
    t.start()
for t in producers:
    t.join()
for _ in consumers:
    q.put(SENTINEL)
q.join()
for t in consumers:
    t.join()
print(len(results), sum(results))
print(sorted(results)[:5], sorted(results)[-3:])
print(q.empty(), q.qsize())

lq = queue.LifoQueue()
for i in range(5):
    lq.put(i)
print([lq.get() for _ in range(5)])
pq = queue.PriorityQueue()
for v in [5, 1, 4, 2, 3]:
    pq.put(v)
print([pq.get_nowait() for _ in range(5)])
try:
    pq.get(timeout=0.01)
except queue.Empty:
    print("Empty after timeout")
sq = queue.SimpleQueue()
sq.put("x")
print(sq.get(), sq.empty())
