# pathlib: pure paths and concrete filesystem operations
import pathlib, tempfile, shutil
from pathlib import Path, PurePosixPath, PureWindowsPath
p = PurePosixPath("/usr/lib/python3.11/os.py")
print(p, repr(p), p.name, p.suffix, p.stem, p.parent, p.parts, p.anchor, p.root)
print(list(map(str, p.parents)), p.with_suffix(".pyc"), p.with_name("x.txt"), p.with_stem("y"))
print(p.relative_to("/usr"), p.is_relative_to("/usr"), p.is_absolute(), p.match("*.py"), p.match("lib/*.py"))
print(PurePosixPath("a") / "b" / "c", PurePosixPath("a/b/../c"), PurePosixPath("a//b/./c"))
print(PurePosixPath("a.tar.gz").suffixes, PurePosixPath("x") == PurePosixPath("x"), PurePosixPath("a") < PurePosixPath("b"))
w = PureWindowsPath("C:/Users/x/file.TXT")
print(w, w.drive, w.root, w.parts, w.as_posix(), w == PureWindowsPath("c:\\users\\X\\FILE.txt"))
try:
    p.relative_to("/etc")
except ValueError as e:
    print(e)
base = Path(tempfile.mkdtemp())
try:
    (base / "d" / "e").mkdir(parents=True)
    (base / "a.txt").write_text("hello\nworld\n")
    (base / "b.bin").write_bytes(b"\x00\x01")
    (base / "d" / "c.py").touch()
    print((base / "a.txt").read_text().splitlines(), (base / "b.bin").read_bytes())
    print(sorted(x.name for x in base.iterdir()))
    print(sorted(str(x.relative_to(base)) for x in base.glob("*.txt")))
    print(sorted(str(x.relative_to(base)) for x in base.rglob("*")))
    print((base / "a.txt").exists(), (base / "d").is_dir(), (base / "a.txt").is_file(), (base / "zz").exists())
    print((base / "a.txt").stat().st_size)
    with (base / "a.txt").open() as f:
        print(f.readline().rstrip())
    (base / "a.txt").rename(base / "z.txt")
    (base / "z.txt").unlink()
    (base / "zz").unlink(missing_ok=True)
    print(sorted(x.name for x in base.iterdir()))
    print(Path(".").resolve() == Path.cwd(), Path("~").expanduser() == Path.home())
finally:
    shutil.rmtree(base)
print(base.exists())
