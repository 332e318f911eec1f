# The same operations through the C _io and the pure-Python _pyio must agree.
import _io, _pyio, os

base = "/tmp/krait_io_pyio_parity_%d" % os.getpid()
os.mkdir(base)


def attempt(f, *a, **k):
    try:
        r = f(*a, **k)
        return r if not isinstance(r, (bytearray, memoryview)) else bytes(r)
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)


def run(io):
    out = []
    say = out.append
    p = base + "/f.bin"
    # BytesIO
    b = io.BytesIO(b"hello\nworld\nlast")
    say([b.readline(), b.read(3), b.tell(), b.seek(-2, 2), b.read(), b.seek(0), b.readlines()])
    say([b.seek(20), b.write(b"Z"), b.getvalue(), b.truncate(3), b.getvalue(), b.tell()])
    ba = bytearray(4)
    say([b.seek(0), b.readinto(ba), bytes(ba), attempt(b.seek, -1), attempt(b.seek, 0, 3)])
    b.close()
    say([attempt(b.read), attempt(b.getvalue), b.closed])
    # StringIO
    s = io.StringIO("a\r\nb\rc\nd", newline=None)
    say([s.readline(), s.readline(), s.readlines(), s.tell(), s.getvalue()])
    s = io.StringIO(newline="")
    say([s.write("x\r\ny\rz\n"), s.seek(0), list(s), attempt(s.seek, 1, 1)])
    s = io.StringIO("abc")
    say([s.seek(5), s.write("d"), repr(s.getvalue()), attempt(s.write, b"x"), attempt(io.StringIO, 1)])
    # FileIO / Buffered
    with io.open(p, "wb") as f:
        say([type(f).__name__, f.write(b"0123456789\nabc\n"), f.tell(), f.seekable()])
    with io.open(p, "rb") as f:
        say([f.peek(2)[:2], f.read1(3), f.read(2), f.readline(), f.tell(), f.read(), f.read()])
        ba = bytearray(5)
        say([f.seek(1), f.readinto(ba), bytes(ba), f.readinto1(ba), bytes(ba)])
    with io.open(p, "r+b") as f:
        say([f.read(3), f.write(b"XY"), f.tell(), f.seek(0), f.read(6), f.truncate(4), f.seek(0, 2)])
    with io.open(p, "rb", buffering=0) as f:
        say([type(f).__name__, f.read(2), f.readall(), f.mode, attempt(f.write, b"x")])
    with io.open(p, "ab") as f:
        say([f.tell(), f.write(b"+"), f.tell()])
    say([attempt(io.open, p, "rw"), attempt(io.open, p, "rbt"), attempt(io.open, p, "rb", 0, "utf-8"),
         attempt(io.open, "no_such_file.txt"), attempt(io.open, p, "w", 0)])
    # TextIOWrapper
    t = base + "/t.txt"
    with io.open(t, "w", encoding="utf-8", newline="\r\n") as f:
        say([f.write("un\ndeux\ntrois é\n"), f.encoding, f.errors, f.line_buffering])
    with io.open(t, encoding="utf-8") as f:
        say([f.readline(), f.tell(), f.read(3), f.readline(), f.newlines])
        pos = f.tell()
        say([f.readline(), f.seek(pos) == pos, f.readline(), f.read(), f.tell() > 0])
        say([attempt(f.seek, 1, 1), attempt(f.seek, 0, 1), attempt(f.seek, -1), attempt(f.write, "x")])
    with io.open(t, encoding="utf-8", newline="") as f:
        say([list(f)])
    with io.open(t, "r+", encoding="utf-8") as f:
        say([f.read(2), f.write("ZZ"), f.seek(0), f.read()])
    with io.open(t, encoding="ascii", errors="replace") as f:
        say([f.read()])
    w = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    say([w.write("abc"), w.reconfigure(encoding="latin-1"), w.encoding, w.write("é"), w.flush(),
         w.buffer.getvalue(), attempt(w.reconfigure, newline="x")])
    say([attempt(io.TextIOWrapper, io.BytesIO(), "utf-8", None, "x"),
         attempt(io.TextIOWrapper, io.BytesIO(), 1)])
    d = io.IncrementalNewlineDecoder(None, True)
    say([d.decode("a\r"), d.decode("\nb\r"), d.decode("", True), d.newlines, d.getstate()])
    return out


a = run(_io)
b = run(_pyio)
for x, y in zip(a, b):
    print("same" if x == y else "DIFF", x if x == y else (x, y))
for n in os.listdir(base):
    os.remove(base + "/" + n)
os.rmdir(base)
