# shutil: copy/move/rmtree/make_archive-free operations, which, disk_usage, get_terminal_size
import shutil, os, tempfile
base = tempfile.mkdtemp()
try:
    src = os.path.join(base, "src")
    os.makedirs(os.path.join(src, "sub"))
    for name, data in [("a.txt", "alpha"), ("sub/b.txt", "beta"), ("c.log", "log")]:
        with open(os.path.join(src, name), "w") as f:
            f.write(data)
    shutil.copy(os.path.join(src, "a.txt"), os.path.join(base, "a2.txt"))
    shutil.copy2(os.path.join(src, "a.txt"), os.path.join(base, "a3.txt"))
    shutil.copyfile(os.path.join(src, "a.txt"), os.path.join(base, "a4.txt"))
    with open(os.path.join(base, "a4.txt")) as f:
        print(f.read())
    shutil.copytree(src, os.path.join(base, "dst"), ignore=shutil.ignore_patterns("*.log"))
    for root, dirs, files in sorted(os.walk(os.path.join(base, "dst"))):
        print(os.path.relpath(root, base), sorted(dirs), sorted(files))
    shutil.move(os.path.join(base, "dst"), os.path.join(base, "moved"))
    print(sorted(os.listdir(base)))
    shutil.rmtree(os.path.join(base, "moved"))
    print(sorted(os.listdir(base)))
    with open(os.path.join(base, "a2.txt"), "rb") as fi, open(os.path.join(base, "a5.txt"), "wb") as fo:
        shutil.copyfileobj(fi, fo)
    print(os.path.getsize(os.path.join(base, "a5.txt")))
    try:
        shutil.copyfile(os.path.join(base, "a2.txt"), os.path.join(base, "a2.txt"))
    except shutil.SameFileError as e:
        print("SameFileError")
    du = shutil.disk_usage(base)
    print(du.total >= du.used, type(du).__name__)
    print(shutil.which("sh") is not None, shutil.which("definitely-not-a-command-xyz"))
    print(shutil.get_terminal_size((77, 22)))
    try:
        shutil.rmtree(os.path.join(base, "nope"))
    except FileNotFoundError as e:
        print("FileNotFoundError", e.errno)
    print(sorted(n for n, d in shutil.get_archive_formats())[:1])
finally:
    shutil.rmtree(base)
print(os.path.exists(base))
