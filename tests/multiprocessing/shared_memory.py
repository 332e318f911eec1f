# _posixshmem.shm_open/shm_unlink on their own (multiprocessing.shared_memory also needs
# mmap), with os calls on the descriptor, and their errors.
import _posixshmem
import os

name = "/krait-shm-%d" % os.getpid()
fd = _posixshmem.shm_open(name, os.O_CREAT | os.O_EXCL | os.O_RDWR, mode=0o600)
print(fd > 2)
os.ftruncate(fd, 16)
os.write(fd, b"hello")
fd2 = _posixshmem.shm_open(name, os.O_RDONLY)
print(os.fstat(fd2).st_size, os.read(fd2, 5))
os.close(fd2)
os.close(fd)
try:
    _posixshmem.shm_open(name, os.O_CREAT | os.O_EXCL | os.O_RDWR)
except FileExistsError as e:
    print("FileExistsError", e.errno, e.filename == name)
_posixshmem.shm_unlink(path=name)
for call in [lambda: _posixshmem.shm_unlink(name), lambda: _posixshmem.shm_open(name, 0)]:
    try:
        call()
    except FileNotFoundError as e:
        print("FileNotFoundError", e.errno, e.strerror, e.filename == name)
for bad in [lambda: _posixshmem.shm_open(b"x", 0), lambda: _posixshmem.shm_open("x"),
            lambda: _posixshmem.shm_unlink(1)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
print(_posixshmem.__doc__, _posixshmem.shm_open.__text_signature__)
