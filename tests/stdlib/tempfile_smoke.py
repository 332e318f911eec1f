# tempfile: mkstemp/mkdtemp/NamedTemporaryFile/TemporaryDirectory/SpooledTemporaryFile
import tempfile, os
fd, path = tempfile.mkstemp(suffix=".x", prefix="kr_")
os.write(fd, b"data"); os.close(fd)
print(os.path.basename(path).startswith("kr_"), path.endswith(".x"), os.path.getsize(path))
os.remove(path)
d = tempfile.mkdtemp(); print(os.path.isdir(d)); os.rmdir(d)
with tempfile.TemporaryDirectory() as td:
    print(os.path.isdir(td))
    with tempfile.NamedTemporaryFile("w+", dir=td, suffix=".txt", delete=True) as f:
        f.write("hello\n"); f.flush(); f.seek(0)
        print(f.read(), os.path.dirname(f.name) == td, f.name.endswith(".txt"))
    with tempfile.NamedTemporaryFile(dir=td, delete=False) as f:
        f.write(b"abc")
    print(os.path.getsize(f.name))
print(os.path.exists(td))
with tempfile.TemporaryFile() as f:
    f.write(b"xyz"); f.seek(0); print(f.read())
with tempfile.SpooledTemporaryFile(max_size=10, mode="w+") as f:
    f.write("short"); print(f._rolled); f.write("x" * 20); print(f._rolled)
    f.seek(0); print(len(f.read()))
print(isinstance(tempfile.gettempdir(), str), tempfile.gettempprefix(), type(tempfile.gettempdirb()).__name__)
