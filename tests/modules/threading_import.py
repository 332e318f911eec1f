import threading
t = threading.current_thread()
print(t.name, t is threading.main_thread(), threading.active_count())
lock = threading.Lock()
with lock:
    print(lock.locked())
rl = threading.RLock()
with rl:
    with rl:
        print("reentrant ok")
ev = threading.Event()
ev.set()
print(ev.wait(0.01), threading.local is not None)
