# posix: readv/writev and the positioned preadv/pwritev (offset -1: the file position), their
# argument errors and OSErrors.
import os, tempfile
fd, p = tempfile.mkstemp()
print(os.writev(fd, [b"abc", bytearray(b"def")]))
print(os.pwritev(fd, [b"XY"], 1))
b1, b2 = bytearray(2), bytearray(3)
print(os.preadv(fd, [b1, b2], 0), b1, b2)
os.lseek(fd, 0, 0)
print(os.readv(fd, [b1, b2]), b1, b2)
for f, a in ((os.preadv, (fd, [b1], -1)), (os.pwritev, (fd, [b"a"], -5)), (os.readv, (fd, 3)),
             (os.writev, (fd, 3)), (os.preadv, (fd, 3, 0)), (os.pwritev, (fd, 3, 0)),
             (os.readv, (-1, [b1])), (os.preadv, (-1, [b1], 0))):
    try:
        print(f.__name__, f(*a))
    except Exception as e:
        print(f.__name__, type(e).__name__, e)
os.close(fd); os.unlink(p)
