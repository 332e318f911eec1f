# BufferedReader/BufferedRandom.readinto1 with a destination larger than the buffer: the
# buffered bytes, then one raw read straight into it; a reader is never writable() and a
# writer never readable() (whatever the raw stream says); truncate on a reader.
import io

class MockRaw(io.RawIOBase):
    def __init__(self, chunks):
        self.chunks = list(chunks)
        self.reads = 0
    def readable(self): return True
    def writable(self): return True
    def seekable(self): return False
    def readinto(self, b):
        self.reads += 1
        if not self.chunks:
            return 0
        data = self.chunks.pop(0)
        b[:len(data)] = data
        return len(data)

for tp in (io.BufferedReader, io.BufferedRandom):
    if tp is io.BufferedRandom:
        class Raw(MockRaw):
            def seekable(self): return True
            def tell(self): return 0
            def seek(self, pos, whence=0): return 0
    else:
        Raw = MockRaw
    raw = Raw((b"abc", b"de", b"fgh", b"jkl"))
    bufio = tp(raw, buffer_size=10)
    b = bytearray(2)
    out = [bufio.peek(3)[:3], raw.reads]
    out += [bufio.readinto1(b), bytes(b), raw.reads]
    out += [bufio.readinto1(b), bytes(b[:1]), raw.reads]
    out += [bufio.readinto1(b), bytes(b), raw.reads]
    b = bytearray(20)
    out += [bufio.peek(3)[:3], raw.reads, bufio.readinto1(b), bytes(b[:6]), raw.reads]
    out += [bufio.readinto1(b), raw.reads]
    print(tp.__name__, out)

r = io.BufferedReader(io.BytesIO(b"abc"))
w = io.BufferedWriter(io.BytesIO())
rw = io.BufferedRandom(io.BytesIO(b"abc"))
print(r.readable(), r.writable(), w.readable(), w.writable(), rw.readable(), rw.writable())
print(sorted(m for m in ("readable", "writable") if m in vars(io.BufferedReader)),
      sorted(m for m in ("readable", "writable") if m in vars(io.BufferedWriter)))
for args in ((), (0,)):
    try:
        r.truncate(*args)
    except io.UnsupportedOperation as e:
        print("truncate", args, e)
