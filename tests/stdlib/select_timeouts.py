# timeout conversion of select.select, poll.poll (milliseconds) and epoll.poll (seconds):
# the errors CPython 3.11 raises for huge, NaN and wrongly typed timeouts.
import select

p = select.poll()
for t in [1 << 64, 2 ** 63 // 10 ** 6 + 5, 1 << 31, 1.5e20, "x", float("nan"), 0.0001, 0, None.__class__]:
    try:
        print("poll", t, p.poll(t if t is not None.__class__ else 0))
    except Exception as e:
        print("poll", t, type(e).__name__, e)
e = select.epoll()
for t in [1 << 64, 1.5e20, "x", float("nan"), 2 ** 31, 2 ** 31 / 1000, 1e-9, 0, -0.0]:
    try:
        print("epoll", t, e.poll(t))
    except Exception as err:
        print("epoll", t, type(err).__name__, err)
e.close()
for t in [1 << 64, 1.5e20, "x", float("nan"), -1, 0, 0.001]:
    try:
        print("select", t, select.select([], [], [], t))
    except Exception as err:
        print("select", t, type(err).__name__, err)
# poll.register/modify: the event mask is an unsigned short (CPython's converter messages)
p = select.poll()
for args in [(0, -1), (0, 1 << 64), (0, 1 << 16), (0, "x"), (0, 1.5)]:
    for meth in (p.register, p.modify):
        try:
            meth(*args)
        except Exception as err:
            print(meth.__name__, args, type(err).__name__, err)
p.register(0)
p.modify(0, select.POLLOUT)
print(p.poll(0))
