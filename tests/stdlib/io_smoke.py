import io, os, tempfile
s = io.StringIO("a\nb\r\nc"); print(s.readline(), s.readlines(), s.tell(), s.getvalue())
s = io.StringIO(); s.write("héllo"); s.seek(0); print(s.read(2), s.truncate(3), repr(s.getvalue()))
b = io.BytesIO(b"0123456789"); b.seek(3); print(b.read(4), b.tell(), b.getbuffer().nbytes, b.readinto(bytearray(2)), b.read())
d = tempfile.mkdtemp(); p = os.path.join(d, "f.txt")
with open(p, "w", encoding="utf-8", newline="\r\n") as f:
    print(f.write("x\ny\n"), f.encoding, f.mode, f.name == p, type(f).__name__, type(f.buffer).__name__)
with open(p, "rb") as f:
    print(f.read(), type(f).__name__, f.raw.__class__.__name__)
with open(p, "r") as f:
    print([l for l in f], f.closed)
print(f.closed)
with open(p, "a+") as f:
    f.write("z"); f.seek(0); print(repr(f.read()))
with open(p, "r+b") as f:
    f.seek(1); f.write(b"!"); f.seek(0); print(f.read(), f.seekable(), f.readable(), f.writable())
w = io.TextIOWrapper(io.BytesIO(), encoding="latin-1"); w.write("é"); w.flush(); print(w.buffer.getvalue())
for mode in ["z", "rw", "rbt"]:
    try:
        open(p, mode)
    except ValueError as e:
        print(e)
try:
    open(os.path.join(d, "missing"))
except FileNotFoundError as e:
    print(type(e).__name__, e.errno)
f = open(p); f.close()
try:
    f.read()
except ValueError as e:
    print(e)
os.remove(p); os.rmdir(d)
print(io.DEFAULT_BUFFER_SIZE, issubclass(io.StringIO, io.TextIOBase), isinstance(io.BytesIO(), io.BufferedIOBase), io.SEEK_END)
