# TextIOWrapper: a write that would take the pending data past _CHUNK_SIZE flushes what is
# pending first; reconfigure() to a BOM encoding past the start writes no BOM; a
# BufferedRandom's flush() drops its read-ahead (data written to raw is seen after
# seek); -X dev checks the error handler name at construction (see .opts)
import io


class Raw(io.BytesIO):
    def __init__(self):
        super().__init__()
        self.stack = []

    def write(self, b):
        self.stack.append(bytes(b))
        if len(b) > 8192:
            raise RuntimeError("too big")
        return super().write(b)


for make in (io.TextIOWrapper,):
    raw = Raw()
    t = make(raw, encoding="ascii")
    t.write("abc")
    t.write("def")
    print(raw.stack)
    try:
        t.write("x" * (t._CHUNK_SIZE + 1))
    except RuntimeError as e:
        print("RuntimeError", e)
    print([len(b) for b in raw.stack], raw.stack[0])
    t.write("ghi")
    t.write("x" * t._CHUNK_SIZE)
    print([len(b) for b in raw.stack])

for first, then in (("ascii", "utf-8-sig"), ("latin1", "utf-8"), ("ascii", "utf-16"),
                    ("utf-8-sig", "utf-8-sig")):
    raw = io.BytesIO()
    t = io.TextIOWrapper(raw, encoding=first, newline="\n")
    t.write("abc\n")
    t.reconfigure(encoding=then)
    t.write("d\xe9f\n")
    t.flush()
    print(first, then, raw.getvalue())
raw = io.BytesIO()
t = io.TextIOWrapper(raw, encoding="ascii")
t.reconfigure(encoding="utf-8-sig")
t.write("x")
t.flush()
print(raw.getvalue())


def peek(bufio, n=-1):
    b = bufio.peek(n)
    if n != -1:
        b = b[:n]
    bufio.seek(len(b), 1)
    return b


for read in (peek, lambda b, n=-1: b.read(n)):
    raw = io.BytesIO(b"abcdefghi")
    bufio = io.BufferedRandom(raw)
    print(read(bufio, 2), end=" ")
    bufio.write(b"12")
    print(read(bufio, 2), bufio.tell(), end=" ")
    bufio.flush()
    print(bufio.tell(), read(bufio), end=" ")
    raw.seek(0, 0)
    raw.write(b"XYZ")
    bufio.flush()
    bufio.seek(0, 0)
    print(read(bufio, 3), raw.getvalue())

for kw in ({"errors": "no-such-handler"}, {"encoding": "no-such-codec"},
           {"errors": "strict"}, {"errors": "surrogateescape"}):
    try:
        with open(__file__, **kw) as f:
            print(kw, f.errors)
    except LookupError as e:
        print(kw, "LookupError:", e)
    try:
        with open(__file__, "rb") as b:
            io.TextIOWrapper(b, **kw).detach()
            print(kw, "ok")
    except LookupError as e:
        print(kw, "LookupError:", e)
try:
    io.TextIOWrapper(io.BytesIO(), errors="a\0b")
except ValueError as e:
    print("ValueError:", e)
