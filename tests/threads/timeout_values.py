# Timeouts given by Python code to locks, SimpleQueue, sigtimedwait and faulthandler:
# one shared conversion (src/runtime/pytime.c) with CPython's errors for NaN, huge, wrong-type,
# negative and zero values.
import _thread, queue, signal, faulthandler, _queue
bad = [float("nan"), 10**30, 1e300, "x", -1.5, 0]
def tryit(name, f):
    for v in bad:
        try:
            r = f(v)
            print(name, repr(v)[:10], "->", r)
        except Exception as e:
            print(name, repr(v)[:10], type(e).__name__, e)
l = _thread.allocate_lock()
tryit("lock", lambda v: l.acquire(True, v) and l.release())
q = _queue.SimpleQueue()
tryit("simplequeue", lambda v: q.get(True, v))
tryit("sigtimedwait", lambda v: signal.sigtimedwait([], v))
tryit("faulthandler", lambda v: faulthandler.dump_traceback_later(v) or faulthandler.cancel_dump_traceback_later())
