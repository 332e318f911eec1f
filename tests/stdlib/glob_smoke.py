# glob / iglob / escape over a small tree
import glob, os, tempfile, shutil
base = tempfile.mkdtemp()
try:
    for p in ["a.py", "b.py", "c.txt", ".hidden.py", "sub/d.py", "sub/deep/e.py", "x[1].txt"]:
        full = os.path.join(base, p)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        open(full, "w").close()
    os.chdir(base)
    print(sorted(glob.glob("*.py")))
    print(sorted(glob.glob("**/*.py", recursive=True)))
    print(sorted(glob.glob("**", recursive=True)))
    print(sorted(glob.glob("sub/*")))
    print(sorted(glob.glob("?.*")))
    print(sorted(glob.glob("[ab].py")))
    print(sorted(glob.iglob("*.txt")))
    print(glob.escape("x[1].txt"), glob.glob(glob.escape("x[1].txt")))
    print(sorted(glob.glob("*.py", root_dir="sub")), glob.has_magic("a*"), glob.has_magic("abc"))
    print(sorted(glob.glob("nothing*")))
finally:
    os.chdir("/")
    shutil.rmtree(base)
