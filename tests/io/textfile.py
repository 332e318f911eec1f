# Text files: write/read round trip, readline, iteration, tell/seek, newline modes.
import _io
import posix
base = "/tmp/krait_io_test_textfile"
try:
    posix.mkdir(base)
except FileExistsError:
    pass
p = base + "/a.txt"
with _io.open(p, "w", encoding="utf-8") as f:
    print(f.write("héllo\nwörld\r\nthird\rlast"))
    print(f.writable(), f.readable(), f.seekable())
with _io.open(p, encoding="utf-8") as f:
    print(repr(f.read()), f.newlines)
with _io.open(p, encoding="utf-8", newline="") as f:
    print([l for l in f])
with _io.open(p, encoding="utf-8", newline="\r\n") as f:
    print(repr(f.readline()), repr(f.readline()))
with _io.open(p, encoding="utf-8") as f:
    a = f.readline(); t = f.tell(); b = f.readline()
    f.seek(t)
    print(repr(a), repr(b), repr(f.readline()), f.read(3))
with _io.open(p, "rb") as f:
    print(f.read(4), f.peek(1)[:1], f.read1(3), f.tell(), f.readline(), f.readlines())
with _io.open(p, "a") as f:
    f.write("+more\n")
with _io.open(p, "r+b") as f:
    f.seek(2); f.write(b"LL"); f.seek(0); print(f.read())
with _io.open(p, encoding="latin-1") as f:
    print(repr(f.read(6)))
posix.remove(p)
posix.rmdir(base)
