# Py_AddPendingCall and PyThreadState_SetAsyncExc through the eval breaker, reached via a
# small C extension (_pendingext.c, compiled here against the running interpreter's headers):
# pending calls run in the main thread between instructions, also when added by a C thread
# without the GIL; a failing one raises in the running code; asynchronous exceptions land in
# the target thread only.
import importlib.machinery, os, subprocess, sys, tempfile, threading, time

here = os.path.dirname(os.path.abspath(__file__))
suffix = importlib.machinery.EXTENSION_SUFFIXES[0]
if "krait" in suffix:   # Krait's C API headers are in the repository, CPython's installed
    cflags = ["-I" + os.path.join(here, "..", "..", "include"), "-D_GNU_SOURCE"]
else:
    import sysconfig
    cflags = ["-I" + sysconfig.get_paths()["include"]]
tmp = tempfile.mkdtemp()
subprocess.run(["cc", "-shared", "-fPIC", "-w", "-pthread"] + cflags +
               ["-o", os.path.join(tmp, "_pendingext" + suffix), os.path.join(here, "_pendingext.c")],
               check=True)
sys.path.insert(0, tmp)
import _pendingext as ext

def spin_until(cond, limit=10.0):
    """Run Python code (so the eval breaker is checked) until cond() or the time limit."""
    deadline = time.monotonic() + limit
    n = 0
    while not cond() and time.monotonic() < deadline:
        n += 1
    return cond()

# ---- pending calls added by the main thread itself ----
seen = []
print("added:", ext.add_pending(lambda: seen.append("first")), ext.add_pending(lambda: seen.append("second")))
print("ran in order:", spin_until(lambda: len(seen) == 2), seen)

# ---- they run in the main thread ----
where = []
ext.add_pending(lambda: where.append(threading.current_thread() is threading.main_thread()))
spin_until(lambda: where)
print("in main thread:", where)

# ---- a failing pending call raises in the code that happens to be running ----
def fail():
    raise KeyError("from a pending call")
try:
    ext.add_pending(fail)   # the breaker may fire as soon as the call returns
    spin_until(lambda: False, limit=5.0)
    print("not raised")
except KeyError as e:
    print("raised:", repr(e))

# ---- calls added by a C thread that does not hold the GIL ----
# (3.11 flags them on the eval breaker only if the adding thread is the main thread -- fixed
# in 3.12 -- so a signal trips the breaker here, for both interpreters alike)
import signal
count = []
signal.signal(signal.SIGUSR1, lambda *a: None)
ext.add_pending_from_thread(lambda: count.append(1), 20)
signal.raise_signal(signal.SIGUSR1)
print("from C thread, all ran:", spin_until(lambda: len(count) == 20), len(count))

# ---- asynchronous exceptions ----
class Stop(Exception):
    pass

started = threading.Event()
result = []
def worker():
    started.set()
    try:
        while True:
            pass
    except Stop as e:
        result.append(("caught", type(e).__name__, threading.current_thread().name))

t = threading.Thread(target=worker, name="busy")
t.start()
started.wait()
print("set_async_exc on the thread:", ext.set_async_exc(t.ident, Stop))
t.join(10)
print("thread ended:", not t.is_alive(), result)
print("unknown thread id:", ext.set_async_exc(0xdeadbeef, Stop))

# setting then clearing (exc None = NULL) before the thread runs again: nothing raised
gate = threading.Lock()
gate.acquire()
done = []
def waiter():
    with gate:
        pass
    for i in range(1000):
        pass
    done.append("finished normally")
w = threading.Thread(target=waiter)
w.start()
time.sleep(0.05)
print("set:", ext.set_async_exc(w.ident, Stop), "clear:", ext.set_async_exc(w.ident, None))
gate.release()
w.join(10)
print(done)
