import _thread
l = _thread.allocate_lock(); print(l.acquire(), l.locked(), l.acquire(False)); l.release()
r = _thread.RLock(); r.acquire(); r.acquire(); print(r._is_owned()); r.release(); r.release()
try: l.release()
except RuntimeError as e: print(e)
import _weakref
class A: pass
