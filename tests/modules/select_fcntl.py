# select.select / poll / epoll on pipes, selectors, and fcntl flags and locks.
import os, select, selectors, fcntl, tempfile

r, w = os.pipe()
print(select.select([r], [w], [], 0) == ([], [w], []))
os.write(w, b"x")
print(select.select([r], [], [], 0.5)[0] == [r])

class F:
    def __init__(self, fd): self.fd = fd
    def fileno(self): return self.fd
fo = F(r)
print(select.select([fo], [], [])[0][0] is fo)

p = select.poll()
p.register(r, select.POLLIN)
p.register(w)
print(sorted(p.poll(0)))
p.modify(w, select.POLLIN)
print(p.poll(10))
p.unregister(w)
try:
    p.unregister(w)
except KeyError as e:
    print("KeyError", e)
try:
    p.modify(12345, select.POLLIN)
except OSError as e:
    print(type(e).__name__, e.errno)

ep = select.epoll()
ep.register(r, select.EPOLLIN)
ep.register(w, select.EPOLLOUT)
print(sorted(ep.poll(0)), ep.closed, ep.fileno() > 2)
ep.unregister(w)
print(ep.poll(timeout=0.01, maxevents=4))
try:
    ep.register(r)
except FileExistsError as e:
    print("FileExistsError", e.errno)
ep.close()
print(ep.closed)
try:
    ep.poll()
except ValueError as e:
    print(e)
with select.epoll() as ep2:
    print(ep2.closed)
print(ep2.closed)
print(os.read(r, 10))
print(select.select([r], [], [], 0.01))

sel = selectors.DefaultSelector()
print(type(sel).__name__)
sel.register(r, selectors.EVENT_READ, data="reader")
print(sel.select(0))
os.write(w, b"y")
print([(k.data, ev) for k, ev in sel.select(1)])
sel.close()
print(os.read(r, 1))

for bad in (lambda: select.select([], [], [], -1), lambda: select.select([-1], [], []),
            lambda: select.select([], [], [], "x"), lambda: select.epoll(flags=5)):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

fl = fcntl.fcntl(r, fcntl.F_GETFL)
print(bool(fl & os.O_NONBLOCK))
fcntl.fcntl(r, fcntl.F_SETFL, fl | os.O_NONBLOCK)
print(bool(fcntl.fcntl(r, fcntl.F_GETFL) & os.O_NONBLOCK), os.get_blocking(r))
print(fcntl.fcntl(r, fcntl.F_GETFD) & fcntl.FD_CLOEXEC)
with tempfile.TemporaryFile() as f:
    fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
    fcntl.flock(f.fileno(), fcntl.LOCK_UN)
    fcntl.lockf(f, fcntl.LOCK_SH, 10, 0, 0)
    fcntl.lockf(f, fcntl.LOCK_UN)
    print("locks ok")
print(fcntl.LOCK_EX, fcntl.F_SETPIPE_SZ, select.EPOLLET, select.POLLRDHUP, select.PIPE_BUF)
os.close(r); os.close(w)
