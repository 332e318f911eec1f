# multiprocessing Lock/RLock/Semaphore/BoundedSemaphore/Event/Condition across fork.
# The shared counter is a file (read-modify-write under the Lock): no ctypes needed.
import multiprocessing as mp
import os
import tempfile

def worker(lock, sem, ev, counter, done):
    ev.wait()
    for _ in range(100):
        with lock:
            with open(counter) as f:
                n = int(f.read())
            with open(counter, "w") as f:
                f.write(str(n + 1))
    with sem:
        pass
    done.release()

if __name__ == "__main__":
    ctx = mp.get_context("fork")
    lock, sem, ev = ctx.Lock(), ctx.Semaphore(2), ctx.Event()
    fd, counter = tempfile.mkstemp()
    os.write(fd, b"0")
    os.close(fd)
    done = ctx.Semaphore(0)
    procs = [ctx.Process(target=worker, args=(lock, sem, ev, counter, done)) for _ in range(3)]
    for p in procs:
        p.start()
    print(ev.is_set())
    ev.set()
    for _ in procs:
        done.acquire()
    for p in procs:
        p.join()
    with open(counter) as f:
        total = f.read()
    os.unlink(counter)
    print(total, [p.exitcode for p in procs], ev.is_set())

    r = ctx.RLock()
    with r:
        with r:
            print("rlock nested", r._semlock._count())
    b = ctx.BoundedSemaphore(1)
    b.acquire(); b.release()
    try:
        b.release()
    except ValueError as e:
        print("ValueError", e)
    print(sem.get_value(), repr(lock).startswith("<Lock(owner="))
    c = ctx.Condition()
    with c:
        print("wait_for timeout", c.wait_for(lambda: False, timeout=0.05))
    print(ctx.Lock().acquire(timeout=0.01), lock.acquire(False), lock.acquire(timeout=0.01))
