# posix: pread/pwrite, readv/writev, posix_fallocate/fadvise, lockf, sendfile, copy_file_range,
# splice, getrandom, eventfd*, memfd_create, get/setpriority and the set*id family.
import os, tempfile
d = tempfile.mkdtemp()
p = os.path.join(d, "f")
fd = os.open(p, os.O_RDWR | os.O_CREAT)
print(os.pwrite(fd, b"hello world", 3), os.pread(fd, 5, 3), os.pread(fd, 100, 0), os.pread(fd, 4, 100))
print(os.writev(fd, [b"ab", bytearray(b"cd"), memoryview(b"ef")]), os.lseek(fd, 0, 0))
bufs = [bytearray(3), bytearray(4)]
print(os.readv(fd, bufs), bufs)
print(os.posix_fallocate(fd, 0, 100), os.fstat(fd).st_size, os.posix_fadvise(fd, 0, 10, os.POSIX_FADV_WILLNEED))
print(os.lockf(fd, os.F_LOCK, 0), os.lockf(fd, os.F_ULOCK, 0))
r, w = os.pipe()
print(os.sendfile(w, fd, 0, 5), os.read(r, 5), os.sendfile(w, fd, None, 3), os.read(r, 3))
fd2 = os.open(os.path.join(d, "g"), os.O_RDWR | os.O_CREAT)
print(os.copy_file_range(fd, fd2, 4, 2), os.pread(fd2, 10, 0), os.copy_file_range(fd, fd2, 3, offset_src=0, offset_dst=10))
print(os.splice(fd, w, 4, offset_src=1), os.read(r, 4))
print(len(os.getrandom(16)), len(os.getrandom(0)), len(os.getrandom(8, os.GRND_NONBLOCK)))
for bad in [lambda: os.getrandom(-1), lambda: os.pread(fd, -1, 0), lambda: os.copy_file_range(fd, fd2, -1),
            lambda: os.pwrite(fd, "str", 0), lambda: os.readv(fd, [b"ro"]), lambda: os.writev(fd, 5),
            lambda: os.eventfd(-1), lambda: os.eventfd_write(0, -1), lambda: os.pread(9999, 1, 0)]:
    try:
        bad()
    except (OSError, ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
e = os.eventfd(3, os.EFD_NONBLOCK | os.EFD_CLOEXEC)
os.eventfd_write(e, 4)
print(os.eventfd_read(e))
try:
    os.eventfd_read(e)
except BlockingIOError as ex:
    print("BlockingIOError", ex.errno)
s = os.eventfd(2, os.EFD_SEMAPHORE)
print(os.eventfd_read(s), os.eventfd_read(s))
m = os.memfd_create("krait", os.MFD_CLOEXEC)
print(os.write(m, b"xyz"), os.get_inheritable(m), os.fstat(m).st_size)
prio = os.getpriority(os.PRIO_PROCESS, 0)
os.setpriority(os.PRIO_PROCESS, 0, prio)
print(os.getpriority(os.PRIO_PROCESS, 0) == prio, os.getresuid() == (os.getuid(), os.geteuid(), os.getuid()) or os.getresuid()[0] == os.getuid())
print(os.getresgid()[0] == os.getgid(), os.setuid(os.getuid()), os.setgid(os.getgid()), os.seteuid(os.geteuid()),
      os.setegid(os.getegid()), os.setreuid(-1, -1), os.setregid(-1, -1), os.setresuid(-1, -1, -1), os.setresgid(-1, -1, -1))
print(os.sendfile.__doc__.splitlines()[0], os.readv.__doc__.splitlines()[0])
