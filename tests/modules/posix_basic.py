# posix: stat family, directories, fds, errors, environ, wait macros
import posix, errno
st = posix.stat("posix_basic.py")
print(type(st).__name__, len(st), st.st_size == st[6], type(st.st_mtime).__name__, type(st[8]).__name__)
print(st.st_mtime_ns // 10**9 == st[8], oct(st.st_mode & 0o170000))
d = "_posix_tmp_dir"
posix.mkdir(d)
fd = posix.open(d + "/f.txt", posix.O_WRONLY | posix.O_CREAT | posix.O_TRUNC, 0o644)
print(posix.write(fd, b"hello world\n"))
posix.close(fd)
fd = posix.open(d + "/f.txt", posix.O_RDONLY)
print(posix.read(fd, 5), posix.lseek(fd, 0, 2), posix.fstat(fd).st_size)
posix.close(fd)
posix.mkdir(d + "/sub")
print(sorted(posix.listdir(d)), sorted(posix.listdir(d.encode())))
with posix.scandir(d) as it:
    ents = sorted(it, key=lambda e: e.name)
print([(e.name, e.path, e.is_dir(), e.is_file(), e.is_symlink()) for e in ents])
print(repr(ents[0]), posix.fspath(ents[0]))
posix.symlink("f.txt", d + "/link")
print(posix.readlink(d + "/link"), posix.lstat(d + "/link").st_mode & 0o170000 == 0o120000)
posix.rename(d + "/f.txt", d + "/g.txt")
print(posix.access(d + "/g.txt", posix.R_OK), posix.access(d + "/nope", posix.F_OK))
for name in ("link", "g.txt"):
    posix.unlink(d + "/" + name)
posix.rmdir(d + "/sub")
posix.rmdir(d)
for call in (lambda: posix.stat("/nonexistent/x"), lambda: posix.rmdir("/nonexistent"),
             lambda: posix.listdir("/nonexistent"), lambda: posix.close(9999)):
    try:
        call()
    except OSError as e:
        print(type(e).__name__, e.errno == errno.ENOENT or e.errno == errno.EBADF, e)
try:
    posix.stat(3.5)
except TypeError as e:
    print(e)
try:
    posix.stat("a\0b")
except ValueError as e:
    print(e)
class P:
    def __fspath__(self): return "posix_basic.py"
print(posix.fspath(P()), posix.stat(P()).st_size == st.st_size)
try:
    posix.fspath(1)
except TypeError as e:
    print(e)
print(posix.strerror(2), posix.WIFEXITED(256), posix.WEXITSTATUS(256), posix.waitstatus_to_exitcode(9))
print(type(posix.environ), all(isinstance(k, bytes) for k in posix.environ))
print(posix.getpid() > 0, len(posix.urandom(16)), posix.uname().sysname, posix.cpu_count() >= 1)
print(posix.O_RDONLY, posix.F_OK, posix.EX_OK, "HAVE_FSTATAT" in posix._have_functions)
