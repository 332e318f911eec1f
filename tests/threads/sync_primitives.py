# Event, Condition, Semaphore, BoundedSemaphore, Barrier, RLock, join timeouts.
import threading
import time

ev = threading.Event()
order = []
def waiter():
    ev.wait()
    order.append("waiter woke")
t = threading.Thread(target=waiter)
t.start()
order.append("setting")
ev.set()
t.join()
print(order, ev.is_set(), ev.wait(0))
ev.clear()
print(ev.wait(0.01))

cond = threading.Condition()
ready = []
def consumer():
    with cond:
        cond.wait_for(lambda: ready)
        order.append(("consumed", ready.pop()))
c = threading.Thread(target=consumer)
c.start()
with cond:
    ready.append(42)
    cond.notify()
c.join()
print(order[-1])

sem = threading.Semaphore(2)
active = [0]
peak = [0]
lk = threading.Lock()
def limited():
    with sem:
        with lk:
            active[0] += 1
            peak[0] = max(peak[0], active[0])
        time.sleep(0.01)
        with lk:
            active[0] -= 1
ts = [threading.Thread(target=limited) for _ in range(6)]
for x in ts:
    x.start()
for x in ts:
    x.join()
print("peak <= 2:", peak[0] <= 2)
bs = threading.BoundedSemaphore(1)
bs.acquire()
bs.release()
try:
    bs.release()
except ValueError as e:
    print("ValueError:", e)
print(sem.acquire(timeout=0.01), sem.acquire(blocking=False))

barrier = threading.Barrier(3)
arrived = []
def at_barrier(i):
    idx = barrier.wait()
    with lk:
        arrived.append(idx)
bt = [threading.Thread(target=at_barrier, args=(i,)) for i in range(3)]
for x in bt:
    x.start()
for x in bt:
    x.join()
print(sorted(arrived), barrier.broken)

rl = threading.RLock()
with rl:
    with rl:
        print("reentrant", rl._is_owned())
try:
    rl.release()
except RuntimeError as e:
    print("RuntimeError:", e)

gate = threading.Event()
slow = threading.Thread(target=gate.wait)
slow.start()
t0 = time.monotonic()
slow.join(timeout=0.05)
print("alive after join timeout:", slow.is_alive(), time.monotonic() - t0 >= 0.05)
gate.set()
slow.join()
print("alive after set:", slow.is_alive())
