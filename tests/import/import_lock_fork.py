# _imp.acquire_lock/release_lock/lock_held is a real lock that its owner may take again (waiting
# drops the GIL); os.fork() holds it, so a child never sees a half-imported module; a child
# forked by a thread holding it keeps it one level less.
import _imp, os, sys, threading, time
print(_imp.lock_held())
_imp.acquire_lock(); _imp.acquire_lock()
print(_imp.lock_held())
_imp.release_lock(); _imp.release_lock()
print(_imp.lock_held())
try:
    _imp.release_lock()
except RuntimeError as e:
    print("RuntimeError", e)
# another thread holding the lock: lock_held is True here too, and acquire waits for it
ev = threading.Event(); done = []
def holder():
    _imp.acquire_lock()
    ev.set()
    time.sleep(0.05)
    done.append(1)
    _imp.release_lock()
t = threading.Thread(target=holder); t.start(); ev.wait()
print(_imp.lock_held())
try:
    _imp.release_lock()
except RuntimeError as e:
    print("RuntimeError", e)
_imp.acquire_lock()
print("acquired after holder released:", done == [1])
_imp.release_lock()
t.join()
# fork while a thread holds the import lock: the child sees the completed module
name = "s5 fake module"
started = threading.Event()
def importer():
    _imp.acquire_lock()
    sys.modules[name] = "partial"
    started.set()
    time.sleep(0.05)
    sys.modules[name] = "complete"
    _imp.release_lock()
t = threading.Thread(target=importer); t.start(); started.wait()
pid = os.fork()
if pid == 0:
    os._exit(42 if sys.modules[name] == "complete" and not _imp.lock_held() else 1)
t.join()
print("child exit", os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
# fork while this thread holds it (as an import that forks): the child holds it once less
_imp.acquire_lock()
pid = os.fork()
if pid == 0:
    held = _imp.lock_held()
    _imp.release_lock()
    os._exit(10 + held + 2 * _imp.lock_held())
_imp.release_lock()
print("child exit", os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]), _imp.lock_held())
