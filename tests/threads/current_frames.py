# sys._current_frames() / sys._current_exceptions(): one entry per thread (3.11 gives
# exc_info tuples); after fork() only the forking thread is left.
import sys, threading, time, os
ev = threading.Event()
def f():
    try:
        raise KeyError("k")
    except KeyError:
        ev.wait()
t = threading.Thread(target=f, daemon=True); t.start()   # a failure must not hang
time.sleep(0.1)
fr = sys._current_frames()
print(len(fr), sorted(fr) == sorted([threading.get_ident(), t.ident]))
print(fr[t.ident].f_code.co_name, fr[threading.get_ident()].f_code.co_name)
ex = sys._current_exceptions()
print(sorted((k == t.ident, getattr(v[0], "__name__", None), repr(v[1]), type(v[2]).__name__) for k, v in ex.items()))
pid = os.fork()
if pid == 0:
    os._exit(50 + len(sys._current_frames()))
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
ev.set(); t.join()
print(len(sys._current_frames()))
