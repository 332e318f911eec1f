# _multiprocessing.SemLock directly: kinds, counts, recursion, limits, errors, _rebuild.
import _multiprocessing as mp
import os
import threading

RECURSIVE_MUTEX, SEMAPHORE = 0, 1
print(sorted(mp.flags.items()))
print(mp.SemLock.SEM_VALUE_MAX)

def name(tag):
    return "/krait-test-%d-%s" % (os.getpid(), tag)

s = mp.SemLock(SEMAPHORE, 2, 3, name("a"), True)
print(s.kind, s.maxvalue, s.name, isinstance(s.handle, int))
print(s._get_value(), s._is_zero(), s._count(), s._is_mine())
print(s.acquire(), s.acquire(), s.acquire(False), s.acquire(timeout=0.01))
print(s._get_value(), s._is_zero(), s._count(), s._is_mine())
s.release(); s.release(); s.release()
print(s._get_value(), s._count())
try:
    s.release()
except ValueError as e:
    print("ValueError:", e)
print(s.acquire(block=False), s.acquire(True, 0), s.acquire(timeout=-1))
s._after_fork()
print(s._count())

m = mp.SemLock(RECURSIVE_MUTEX, 1, 1, name("m"), True)
with m:
    print(m.acquire(), m._count(), m._is_mine())
    m.release()
print(m._count(), m._is_mine(), m._get_value())
try:
    m.release()
except AssertionError as e:
    print("AssertionError:", e)

# another thread cannot take a held mutex; a timed wait returns False
m.acquire()
res = []
t = threading.Thread(target=lambda: res.append((m.acquire(timeout=0.05), m._is_mine())))
t.start(); t.join()
print(res)
m.release()

# a named semaphore survives until unlinked, and can be reopened by name
n = name("n")
k = mp.SemLock(SEMAPHORE, 0, 5, n, False)
print(k.name == n)
k2 = mp.SemLock._rebuild(k.handle, k.kind, k.maxvalue, k.name)
k.release()
print(k2._get_value(), k2.acquire(False), k._get_value())
try:
    mp.SemLock(SEMAPHORE, 0, 5, n, False)
except FileExistsError as e:
    print("FileExistsError", e.errno)
mp.sem_unlink(n)
try:
    mp.sem_unlink(n)
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno)
try:
    mp.SemLock._rebuild(0, SEMAPHORE, 1, n)
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno)

for bad in [(5, 1, 1, name("x"), True), ("a", 1, 1, name("x"), True), (1, 1, 1, b"x", 1),
            (1, 1, 1, "/x\0", 1), (1,)]:
    try:
        mp.SemLock(*bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
for bad in [1, "a\0b"]:
    try:
        mp.sem_unlink(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    s.acquire(timeout="x")
except TypeError as e:
    print("TypeError", e)
print(mp.SemLock(kind=SEMAPHORE, value=1, maxvalue=1, name=name("kw"), unlink=1)._get_value())
print(mp.SemLock.acquire.__text_signature__, mp.SemLock._rebuild.__text_signature__)
