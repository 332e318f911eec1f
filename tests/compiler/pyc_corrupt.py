# A damaged __pycache__ file is never trusted: truncated, corrupted, zeroed, wrong magic or
# empty, the module is recompiled from source, still works, and the cache is rewritten.
# -B and PYTHONDONTWRITEBYTECODE write no cache.  Booleans only: cache names differ.
import os, subprocess, sys, tempfile

d = tempfile.mkdtemp()
with open(os.path.join(d, "modpyc.py"), "w") as f:
    f.write("X = 41\ndef f(a, b=2):\n    return a + b + X\nS = 'caf\\u00e9'\nT = (1, 2.5, 3j, b'x', None, ...)\n")

def run(args=(), env=None, code="import modpyc; print(modpyc.f(1), modpyc.S, modpyc.T)"):
    e = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    e.update(env or {})
    r = subprocess.run([sys.executable, *args, "-c", code], cwd=d, env=e,
                       capture_output=True, text=True)
    print(" rc", r.returncode, "out", r.stdout.strip(), "err", repr(r.stderr[-200:]))

cache = os.path.join(d, "__pycache__")
def pyc():
    names = [n for n in os.listdir(cache) if n.startswith("modpyc.")] if os.path.isdir(cache) else []
    return os.path.join(cache, names[0]) if names else None

run()
path = pyc()
print("cache written:", path is not None)
good = open(path, "rb").read()

damage = {
    "truncated header": good[:10],
    "truncated body": good[:len(good) // 2],
    "only header": good[:16],
    "empty": b"",
    "zeroed body": good[:16] + bytes(len(good) - 16),
    "all zero": bytes(len(good)),
    "wrong magic": b"\x00\x00\r\n" + good[4:],
    "flipped bytes": good[:16] + bytes(b ^ 0x5A for b in good[16:]),
    "garbage tail": good[:16] + b"\xff" * 40,
    "bad type code": good[:16] + b"\x01" + good[17:],
}
for name, data in damage.items():
    with open(path, "wb") as f:
        f.write(data)
    print(name)
    run()
    now = open(pyc(), "rb").read()
    print(" rewritten:", now == good)

import shutil
shutil.rmtree(cache)
print("-B")
run(["-B"])
print(" cache written:", pyc() is not None)
print("PYTHONDONTWRITEBYTECODE")
run(env={"PYTHONDONTWRITEBYTECODE": "1"})
print(" cache written:", pyc() is not None)
print("sys.dont_write_bytecode")
run(code="import sys; sys.dont_write_bytecode = True; import modpyc; print(modpyc.X)")
print(" cache written:", pyc() is not None)
run()
print("cache written:", pyc() is not None)
shutil.rmtree(d)
