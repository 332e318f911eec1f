# Many threads mutating shared structures under a lock give exact totals.
import threading

lock = threading.Lock()
counter = 0
items = []
shared = {}

def worker(k, n):
    global counter
    for i in range(n):
        with lock:
            counter += 1
            items.append((k, i))
            shared[k] = shared.get(k, 0) + 1

threads = [threading.Thread(target=worker, args=(k, 2000)) for k in range(10)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter, len(items), sorted(shared.items()))
print(sorted(items) == [(k, i) for k in range(10) for i in range(2000)])
print(all(not t.is_alive() for t in threads), threading.active_count())
