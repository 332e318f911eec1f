# posix: chown/fchown/lchown take uid/gid through the uid converter (-1 and 2**32-1 mean
# "unchanged", out-of-range values give CPython's messages); bytes-like paths (bytearray,
# memoryview) still work in 3.11 with a DeprecationWarning; chmod of a symlink itself is
# NotImplementedError on Linux.
import os
import tempfile
import warnings

d = tempfile.mkdtemp()
path = os.path.join(d, "f")
open(path, "w").close()
uid, gid = os.getuid(), os.getgid()
for args in [(-1, -1), (uid, -1), (-1, gid), (uid, gid), (2**32 - 1, 2**32 - 1),
             (2**32, -1), (-2, -1), (-1, 2**64), (1.5, -1), ("0", -1)]:
    for name, call in [("chown", lambda: os.chown(path, *args)),
                       ("lchown", lambda: os.lchown(path, *args)),
                       ("fchown", lambda: os.fchown(fd, *args))]:
        fd = os.open(path, os.O_RDONLY)
        try:
            call()
            st = os.stat(path)
            print(name, args, "ok", st.st_uid == uid, st.st_gid == gid)
        except (OverflowError, TypeError) as e:
            print(name, args, type(e).__name__, e)
        finally:
            os.close(fd)
print(os.lchown.__doc__.splitlines()[0], os.fchown.__doc__.splitlines()[0], sep="\n")

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    print(sorted(os.listdir(bytearray(d.encode()))), os.stat(memoryview(path.encode())).st_size)
    print(os.path.exists(bytearray(path.encode())))
for warning in w:
    print(warning.category.__name__, warning.message)
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        os.stat(bytearray(b"/"))
    except DeprecationWarning as e:
        print("DeprecationWarning", e)
for bad in (object(), 3.5, [1]):
    try:
        os.stat(bad)
    except TypeError as e:
        print("TypeError", e)

# chmod of a symlink itself: Linux has no lchmod, CPython says the option is unavailable
link = os.path.join(d, "link")
os.symlink("nowhere", link)
for kw in ({"follow_symlinks": False}, {"follow_symlinks": False, "dir_fd": os.open(d, os.O_RDONLY)}):
    try:
        os.chmod(link, 0o700, **kw)
    except (NotImplementedError, ValueError) as e:
        print(type(e).__name__, e)
print(os.chown in os.supports_follow_symlinks, os.chmod in os.supports_follow_symlinks,
      "HAVE_LCHOWN" in __import__("posix")._have_functions)

# rename/replace may mix str and bytes names on POSIX
for a, b in [("x", b"y"), (b"x", "y")]:
    for f in (os.rename, os.replace):
        try:
            f(os.path.join(d, "nonexistent", "x") if isinstance(a, str) else os.fsencode(d) + b"/nonexistent/x", b)
        except FileNotFoundError as e:
            print(f.__name__, "FileNotFoundError", e.errno, type(e.filename).__name__, type(e.filename2).__name__)
