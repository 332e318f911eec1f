import threading
results = []
lock = threading.Lock()
def work(n):
    with lock:
        results.append(n * n)
ts = [threading.Thread(target=work, args=(i,), name=f"w{i}") for i in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(results), ts[0].name, ts[0].is_alive(), threading.current_thread().name, threading.main_thread() is threading.current_thread())
r = threading.RLock(); r.acquire(); r.acquire(); r.release(); r.release(); print(lock.locked(), lock.acquire(False), lock.locked()); lock.release()
ev = threading.Event(); print(ev.is_set(), ev.wait(0.01)); ev.set(); print(ev.wait())
cond = threading.Condition(); items = []
def producer():
    with cond:
        items.append(1); cond.notify()
t = threading.Thread(target=producer)
with cond:
    t.start(); cond.wait_for(lambda: items, timeout=5)
t.join(); print(items)
sem = threading.BoundedSemaphore(2); sem.acquire(); sem.release()
try:
    sem.release()
except ValueError as e:
    print(e)
loc = threading.local(); loc.x = 1; print(loc.x, threading.active_count() >= 1, isinstance(threading.get_ident(), int))
b = threading.Barrier(1); print(b.wait())
tm = threading.Timer(0.01, lambda: print("timer fired")); tm.start(); tm.join()
