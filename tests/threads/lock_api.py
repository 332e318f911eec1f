# _thread primitives: lock/RLock API and errors, identities, timeouts.
import _thread
import threading
import time

lock = _thread.allocate_lock()
print(type(lock).__name__, lock.locked(), lock.acquire(), lock.locked())
print(lock.acquire(False), lock.acquire(timeout=0.01), lock.acquire(True, 0.01))
lock.release()
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
for args in [(False, 1), (True, -2), (True, 1e20)]:
    try:
        lock.acquire(*args)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
with lock:
    print("in with", lock.locked())
print(lock.locked(), repr(lock).startswith("<unlocked _thread.lock object at"))
t0 = time.monotonic()
lock.acquire()
print(lock.acquire(timeout=0.1), time.monotonic() - t0 >= 0.1)
lock.release()

rl = _thread.RLock()
print(rl.acquire(), rl.acquire(), rl._is_owned())
rl.release(); rl.release()
try:
    rl.release()
except RuntimeError as e:
    print("RuntimeError:", e)
print(_thread.TIMEOUT_MAX == threading.TIMEOUT_MAX, _thread.TIMEOUT_MAX > 1e9)
print(isinstance(_thread.get_ident(), int), isinstance(_thread.get_native_id(), int))
print(_thread.error is RuntimeError, _thread.LockType is type(lock))
print(_thread.stack_size())
try:
    _thread.stack_size(100)
except ValueError as e:
    print("ValueError:", e)
print(_thread.stack_size(1 << 20), _thread.stack_size(0))

done = _thread.allocate_lock()
done.acquire()
box = []
def run(a, b=0):
    box.append((a, b, _thread.get_ident() != main_ident))
    done.release()
main_ident = _thread.get_ident()
ident = _thread.start_new_thread(run, (1,), {"b": 2})
done.acquire()
print(box, isinstance(ident, int))
for bad in [(1, ()), (run, []), (run, (), [])]:
    try:
        _thread.start_new_thread(*bad)
    except TypeError as e:
        print("TypeError:", e)

other = []
def ident_worker():
    other.append((threading.get_ident(), threading.get_native_id()))
t = threading.Thread(target=ident_worker)
t.start(); t.join()
print(other[0][0] == t.ident, other[0][1] == t.native_id, t.ident != threading.main_thread().ident)
