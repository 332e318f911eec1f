# os: paths, files, directories, environment, stat, walk, scandir, errors
import os, stat, tempfile

print(os.name, os.sep, os.altsep, os.extsep, os.pathsep, os.linesep == "\n", os.curdir, os.pardir, os.devnull)
print(os.fspath("abc"), os.fsencode("abc"), os.fsdecode(b"abc"))
print(os.getcwd() == os.path.abspath("."))
base = tempfile.mkdtemp(prefix="krait_os_")
try:
    p = os.path.join(base, "a.txt")
    fd = os.open(p, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    print(os.write(fd, b"hello\nworld\n"))
    os.close(fd)
    fd = os.open(p, os.O_RDONLY)
    print(os.read(fd, 5), os.lseek(fd, 0, os.SEEK_END))
    os.close(fd)
    st = os.stat(p)
    print(st.st_size, stat.S_ISREG(st.st_mode), stat.S_ISDIR(st.st_mode), oct(stat.S_IMODE(st.st_mode)))
    os.chmod(p, 0o600)
    print(oct(stat.S_IMODE(os.stat(p).st_mode)))
    os.makedirs(os.path.join(base, "d1", "d2", "d3"))
    os.makedirs(os.path.join(base, "d1", "d2"), exist_ok=True)
    for n in ("x.py", "y.txt"):
        with open(os.path.join(base, "d1", n), "w") as f:
            f.write(n)
    print(sorted(os.listdir(base)))
    print(sorted(e.name for e in os.scandir(os.path.join(base, "d1"))))
    with os.scandir(base) as it:
        print(sorted((e.name, e.is_dir(), e.is_file()) for e in it))
    for root, dirs, files in os.walk(base):
        dirs.sort()
        print(os.path.relpath(root, base), sorted(dirs), sorted(files))
    os.rename(p, os.path.join(base, "b.txt"))
    os.replace(os.path.join(base, "b.txt"), os.path.join(base, "c.txt"))
    print(sorted(os.listdir(base)))
    os.symlink("c.txt", os.path.join(base, "link"))
    print(os.readlink(os.path.join(base, "link")), os.path.islink(os.path.join(base, "link")))
    print(stat.S_ISLNK(os.lstat(os.path.join(base, "link")).st_mode))
    os.remove(os.path.join(base, "link"))
    os.unlink(os.path.join(base, "c.txt"))
    try:
        os.remove(os.path.join(base, "nope"))
    except FileNotFoundError as e:
        print(type(e).__name__, e.errno, e.strerror, os.path.basename(e.filename))
    try:
        os.mkdir(os.path.join(base, "d1"))
    except FileExistsError as e:
        print(type(e).__name__, e.errno)
    try:
        os.rmdir(os.path.join(base, "d1"))
    except OSError as e:
        print(type(e).__name__, e.errno)
    os.removedirs(os.path.join(base, "d1", "d2", "d3"))
finally:
    import shutil
    shutil.rmtree(base)
print(os.path.exists(base))
os.environ["KRAIT_TEST_VAR"] = "v1"
print(os.environ["KRAIT_TEST_VAR"], os.getenv("KRAIT_TEST_VAR"), os.getenv("KRAIT_NOPE", "dflt"))
print("KRAIT_TEST_VAR" in os.environ, os.environb[b"KRAIT_TEST_VAR"])
del os.environ["KRAIT_TEST_VAR"]
print(os.environ.get("KRAIT_TEST_VAR"))
print(os.getpid() > 0, os.getppid() > 0, isinstance(os.getuid(), int))
print(os.strerror(2), os.cpu_count() >= 1, len(os.urandom(8)))
print(os.get_terminal_size.__name__, os.PathLike.__name__)
class P:
    def __fspath__(self): return "pp"
print(os.fspath(P()))
try:
    os.fspath(3)
except TypeError as e:
    print(e)
print(os.WEXITSTATUS(256), os.WIFEXITED(0), os.uname().sysname)
print(os.path.basename(os.devnull), os.access(".", os.R_OK))
