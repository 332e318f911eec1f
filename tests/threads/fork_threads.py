# os.fork() while other threads run: the child has one working thread (it can start
# and join new ones) and a usable GIL; the parent carries on.
import os, threading, time
stop = threading.Event()
def spin():
    while not stop.is_set():
        sum(range(100))
ts = [threading.Thread(target=spin) for _ in range(3)]
for t in ts: t.start()
pid = os.fork()
if pid == 0:
    r = []
    t = threading.Thread(target=lambda: r.append(threading.current_thread().name))
    t.start(); t.join()
    print("child", threading.active_count(), r, threading.current_thread() is threading.main_thread(), flush=True)
    os._exit(0)
_, st = os.waitpid(pid, 0)
stop.set()
for t in ts: t.join()
print("parent", os.waitstatus_to_exitcode(st), threading.active_count())
