# _queue.SimpleQueue (C) and _queue.Empty: API, errors, timeouts, subclassing, a producer
# thread, reference cycles, and a get() wait interrupted by Ctrl-C (a real SIGINT).
import _queue, queue, threading, time, weakref, gc
q = _queue.SimpleQueue()
print(queue.SimpleQueue is _queue.SimpleQueue, queue.Empty is _queue.Empty, _queue.Empty.__mro__)
q.put(1); q.put_nowait(item=2); q.put(3, block=False, timeout=-5)
print(q.qsize(), q.empty(), q.get(), q.get_nowait(), q.get(False), q.empty())
for call in (q.get_nowait, lambda: q.get(timeout=0.01), lambda: q.get(False, -1)):
    try: call()
    except _queue.Empty as e: print("Empty", repr(e))
for t in (-1, float('nan'), 1e300, "x", 10**30):
    try: q.get(timeout=t)
    except Exception as e: print(type(e).__name__, e)
try: _queue.SimpleQueue(1)
except TypeError as e: print(e)
try: _queue.SimpleQueue(a=1)
except TypeError as e: print(e)
class Sub(_queue.SimpleQueue):
    def __init__(self, x): self.x = x
s = Sub(5); s.put(s); print(s.x, s.get() is s)
print(_queue.SimpleQueue[int], weakref.ref(q)() is q)
def prod():
    for i in range(1000): q.put(i); 
    q.put(None)
t = threading.Thread(target=prod); t.start()
tot = 0
while (x := q.get()) is not None: tot += x
t.join(); print(tot)
t0=time.monotonic()
try: q.get(timeout=0.2)
except _queue.Empty: print("timeout ok", 0.19 < time.monotonic()-t0 < 1)
x = _queue.SimpleQueue(); x.put(x); del x; gc.collect(); print("cycle ok")
print(_queue.SimpleQueue.__doc__, _queue.SimpleQueue.get.__text_signature__)
import signal
threading.Timer(0.1, signal.pthread_kill, (threading.main_thread().ident, signal.SIGINT)).start()
try:
    q.get()
except KeyboardInterrupt:
    print("KeyboardInterrupt in SimpleQueue.get")
