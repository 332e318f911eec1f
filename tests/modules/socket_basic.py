import socket, selectors, threading
print(socket.AF_INET, socket.SOCK_STREAM, repr(socket.AF_INET))
a, b = socket.socketpair()
print(a.family, a.type, a.gettimeout(), a.getblocking())
a.sendall(b"hello")
print(b.recv(10))
b.send(b"back")
print(a.recv(4))
buf = bytearray(8)
a.send(b"xyz")
print(b.recv_into(buf), buf)
a.close(); b.close()
print(repr(a)[:40])
# TCP echo over loopback
srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0))
srv.listen()
port = srv.getsockname()[1]
def serve():
    c, addr = srv.accept()
    with c:
        data = c.recv(100)
        c.sendall(data.upper())
t = threading.Thread(target=serve); t.start()
with socket.create_connection(("127.0.0.1", port), timeout=5) as c:
    c.sendall(b"echo me")
    print(c.recv(100), c.gettimeout())
t.join(); srv.close()
# UDP
u1 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u1.bind(("127.0.0.1", 0))
u2 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u2.sendto(b"dgram", u1.getsockname())
data, addr = u1.recvfrom(100)
print(data, addr[0])
u1.close(); u2.close()
# timeout
s1, s2 = socket.socketpair()
s1.settimeout(0.05)
try:
    s1.recv(1)
except TimeoutError as e:
    print("timeout", type(e).__name__, e, socket.timeout is TimeoutError)
s1.setblocking(False)
try:
    s1.recv(1)
except BlockingIOError as e:
    print("blocking", e.errno)
s1.close(); s2.close()
sel = selectors.DefaultSelector()
x, y = socket.socketpair()
sel.register(x, selectors.EVENT_READ)
y.send(b"!")
print([(k.fileobj is x, ev) for k, ev in sel.select(1)])
sel.close(); x.close(); y.close()
print(socket.htons(1), socket.ntohl(1), socket.inet_aton("1.2.3.4"), socket.inet_ntoa(b"\x7f\0\0\1"))
print(socket.inet_pton(socket.AF_INET6, "::1"), socket.inet_ntop(socket.AF_INET6, b"\0"*15+b"\1"))
print(socket.getaddrinfo("127.0.0.1", 80, socket.AF_INET, socket.SOCK_STREAM))
print(socket.getnameinfo(("127.0.0.1", 80), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV))
print(socket.getservbyname("http", "tcp"), socket.getservbyport(22))
print(socket.gethostbyname("localhost"))
try:
    socket.getaddrinfo("nonexistent.invalid", 80)
except socket.gaierror as e:
    print("gaierror", e.errno)
try:
    socket.socket().connect(("127.0.0.1", 70000))
except OverflowError as e:
    print(e)
try:
    socket.socket().bind("x")
except TypeError as e:
    print(e)
s = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
s.bind(("::1", 0)); print(s.getsockname()[0], len(s.getsockname())); s.close()
import os
p = "/tmp/modos5/t/unix.sock"
if os.path.exists(p): os.unlink(p)
us = socket.socket(socket.AF_UNIX); us.bind(p); us.listen(); print(us.getsockname()); us.close(); os.unlink(p)
print(socket.getdefaulttimeout())
with socket.socket() as s:
    print(s.fileno() >= 0, s.proto, s.family, s.type)
print(s.fileno(), s._closed)
import asyncio, asyncio.base_events
print(asyncio.base_events.BaseEventLoop.__name__)
