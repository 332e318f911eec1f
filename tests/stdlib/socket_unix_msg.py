# sockets used by asyncio: AF_UNIX abstract names and autobind, sendmsg/recvmsg/recvmsg_into
# with SCM_RIGHTS, bad ancillary data, recvmsg with a timeout, socketpair and non-blocking I/O.
import array
import os
import socket

# abstract namespace: str names may hold NULs; an empty name autobinds
with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
    s.bind("\x00krait\x00test-%d" % os.getpid())
    print(s.getsockname().startswith(b"\x00krait\x00test-"))
with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
    s.bind("")
    name = s.getsockname()
    print(type(name).__name__, len(name), name[:1])
with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
    try:
        s.bind("\x00" + "h" * 200)
    except OSError as e:
        print("too long:", e)

a, b = socket.socketpair()
r, w = os.pipe()
fds = array.array("i", [r, w])
print("sent:", a.sendmsg([b"he", b"llo"], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, fds)]))
msg, anc, flags, addr = b.recvmsg(100, socket.CMSG_SPACE(2 * fds.itemsize))
print("recvmsg:", msg, flags, addr, [(lvl == socket.SOL_SOCKET, typ == socket.SCM_RIGHTS, len(d))
                                      for lvl, typ, d in anc])
got = array.array("i")
got.frombytes(anc[0][2])
print("inheritable:", [os.get_inheritable(fd) for fd in got])
os.write(int(got[1]), b"through passed fd")
print(os.read(r, 100))
for fd in list(got) + [r, w]:
    os.close(fd)

a.sendall(b"scatter-gather")
b1, b2 = bytearray(7), bytearray(20)
n, anc, flags, addr = b.recvmsg_into([b1, memoryview(b2)[:10]])
print("recvmsg_into:", n, bytes(b1), bytes(b2[:10]), anc, flags, addr)

for bad in ([object()], [(1, 2)], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, "str")]):
    try:
        a.sendmsg([b"x"], bad)
    except TypeError as e:
        print("bad ancdata:", type(e).__name__)
for bad in (5, [5]):
    try:
        b.recvmsg_into(bad)
    except TypeError as e:
        print("recvmsg_into:", e)

b.settimeout(0.05)
try:
    b.recvmsg(10)
except TimeoutError as e:
    print("timeout:", e)
a.setblocking(False)
try:
    while True:
        a.send(b"x" * 65536)
except BlockingIOError as e:
    print("would block:", e.errno == 11)
a.close()
b.close()
