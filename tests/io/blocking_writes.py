import io, os, errno
class Raw(io.RawIOBase):
    """A raw stream that accepts `room` bytes, then would block (returns None)."""
    def __init__(self, room): self.room = room; self.got = b""; self.calls = []
    def writable(self): return True
    def write(self, b):
        b = bytes(b)
        self.calls.append(len(b))
        if self.room == 0:
            return None
        n = min(len(b), self.room)
        self.room -= n
        self.got += b[:n]
        return n
r = Raw(5)
w = io.BufferedWriter(r, buffer_size=8)
print(w.write(b"abc"))
try:
    w.write(b"defghijklmnop")
except BlockingIOError as e:
    print(type(e).__name__, e.errno, e.args, e.characters_written)
print(r.got, r.calls)
try:
    w.flush()
except BlockingIOError as e:
    print("flush", e.args, e.characters_written)
r.room = 100
w.flush()
print(r.got, r.calls)
e = BlockingIOError(errno.EAGAIN, "msg", 7)
print(e.characters_written, e.args, str(e))
e.characters_written = 3
print(e.characters_written)
del e.characters_written
try:
    e.characters_written
except AttributeError as x:
    print("AttributeError", x)
try:
    BlockingIOError(1, "x").characters_written
except AttributeError as x:
    print("AttributeError", x)
r = os.pipe()
os.set_blocking(r[1], False)
f = open(r[1], "wb", closefd=False, buffering=16)
total = 0
try:
    for i in range(100000):
        total += f.write(b"x" * 1000)
except BlockingIOError as e:
    print("pipe full", e.errno == errno.EAGAIN, e.characters_written >= 0, total > 0)
os.read(r[0], 1 << 20)
raw = io.FileIO(r[1], "w", closefd=False)
print(raw.write(b"y" * 10))
os.close(r[0]); os.close(r[1])
