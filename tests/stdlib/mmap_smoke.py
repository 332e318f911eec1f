# mmap: anonymous and file-backed maps, the file-like cursor, indexing/slicing, find/rfind,
# move/resize/flush/madvise, the buffer protocol, access modes, constants, CPython's errors.
import mmap
import os
import tempfile

def attempt(f, *args, **kwargs):
    try:
        r = f(*args, **kwargs)
    except Exception as e:
        print(" ", type(e).__name__, e)
    else:
        print(" ", repr(r))

print(mmap.error is OSError, [n for n in dir(mmap) if n.islower() and not n.startswith("__")])
for name in ("ACCESS_DEFAULT", "ACCESS_READ", "ACCESS_WRITE", "ACCESS_COPY", "PROT_READ",
             "PROT_WRITE", "PROT_EXEC", "MAP_SHARED", "MAP_PRIVATE", "MAP_ANON",
             "MAP_ANONYMOUS", "MADV_NORMAL", "MADV_DONTNEED", "MADV_FREE"):
    print(name, getattr(mmap, name))
print(mmap.PAGESIZE == mmap.ALLOCATIONGRANULARITY, mmap.PAGESIZE % 4096 == 0)

m = mmap.mmap(-1, 16)
print(repr(m), len(m), m.tell(), m.closed)
attempt(m.size)
print(m.write(b"hello\nworld\n"), m.tell())
m.write_byte(ord("!"))
m.seek(0)
print(m.readline(), m.readline(), m.read(2), m.read_byte(), m.read(), m.read())
print(m[0], m[-4], m[:5], m[::3], m[6:11], m[100:])
m[0] = ord("H")
m[6:11] = b"WORLD"
m[12:16:2] = b"ab"
print(m[:], list(m)[:3], b"W" in m)
print(m.find(b"o"), m.find(b"o", 5), m.find(b"zz"), m.find(b"", 3), m.find(b"L", -6, -1))
m.seek(0)
print(m.rfind(b"o"), m.rfind(b"O"), m.rfind(b"", 2, 8), m.rfind(b"l", 0, 4))
m.move(0, 6, 5)
print(m[:12])
m.seek(3)
m.seek(2, os.SEEK_CUR)
print(m.tell())
m.seek(-1, os.SEEK_END)
print(m.tell())
print(m.flush(), m.flush(0, 4), m.madvise(mmap.MADV_NORMAL), m.madvise(mmap.MADV_RANDOM, 0, 4))
m.resize(mmap.PAGESIZE)
print(len(m), m[:5], m[mmap.PAGESIZE - 1])
with memoryview(m) as mv:
    print(mv.readonly, mv.nbytes, mv[1], bytes(mv[:5]))
    mv[1] = ord("z")
    attempt(m.close)
    attempt(m.resize, 10)
print(m[:3])
with m as same:
    print(same is m)
print(m.closed, repr(m))
for f in (m.read, m.tell, m.size, len):
    attempt(f) if f is not len else attempt(f, m)

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "data")
    with open(path, "wb") as f:
        f.write(b"0123456789" * 500)
    with open(path, "r+b") as f:
        fm = mmap.mmap(f.fileno(), 0)
    print(len(fm), fm.size(), fm[:10], fm.find(b"89", 100))
    fm[0:3] = b"abc"
    fm.flush()
    fm.resize(6000)
    print(len(fm), fm.size(), os.path.getsize(path))
    fm.close()
    with open(path, "rb") as f:
        print(f.read(5))
        ro = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        print(repr(ro)[:52], ro[:4])
        attempt(ro.write, b"x")
        attempt(ro.__setitem__, 0, 1)
        attempt(ro.move, 0, 1, 1)
        attempt(ro.resize, 10)
        with memoryview(ro) as mv:
            print(mv.readonly)
        ro.close()
        cp = mmap.mmap(f.fileno(), 10, access=mmap.ACCESS_COPY)
        cp[0] = ord("Z")
        print(cp[:3], cp.flush())
        attempt(cp.resize, 20)
        cp.close()
        off = mmap.mmap(f.fileno(), 10, offset=mmap.ALLOCATIONGRANULARITY, access=mmap.ACCESS_READ)
        print(off[:], repr(off).endswith("offset=%d>" % mmap.ALLOCATIONGRANULARITY))
        off.close()
        pm = mmap.mmap(f.fileno(), 8, prot=mmap.PROT_READ)
        print(repr(pm)[:40])
        pm.close()
        attempt(mmap.mmap, f.fileno(), 10 ** 6)
        attempt(mmap.mmap, f.fileno(), 0, offset=10 ** 6)
    with open(os.path.join(d, "empty"), "wb") as f:
        attempt(mmap.mmap, f.fileno(), 0)

print("errors:")
m = mmap.mmap(-1, 10)
attempt(mmap.mmap, -1, -1)
attempt(mmap.mmap, -1, 10, offset=-1)
attempt(mmap.mmap, -1, 10, access=mmap.ACCESS_READ, prot=mmap.PROT_READ)
attempt(mmap.mmap, -1, 10, access=9)
attempt(mmap.mmap, "a", 10)
attempt(mmap.mmap, -1)
attempt(m.__getitem__, "a")
attempt(m.__getitem__, 10)
attempt(m.__setitem__, "a", 1)
attempt(m.__setitem__, 0, "a")
attempt(m.__setitem__, 0, 300)
attempt(m.__setitem__, slice(0, 2), b"abc")
attempt(m.__setitem__, 20, 1)
attempt(m.__delitem__, 0)
attempt(m.__delitem__, slice(0, 1))
attempt(m.seek, 11)
attempt(m.seek, 0, 5)
attempt(m.seek, -1)
attempt(m.move, 1, 2, 20)
attempt(m.flush, 5, 10)
attempt(m.madvise, 0, 20)
attempt(m.madvise, 0, 0, -1)
attempt(m.write, b"x" * 11)
attempt(m.write, "text")
attempt(m.find, "a")
m.seek(10)
attempt(m.write_byte, 1)
attempt(m.read_byte)
attempt(m.resize, -1)
attempt(lambda: m + b"")
import pickle
attempt(pickle.dumps, m)
m.close()
attempt(m.write, b"")
attempt(m.__getitem__, 0)
attempt(m.__enter__)
print(m.close(), m.closed)
