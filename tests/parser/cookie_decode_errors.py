# Source bytes that the declared (PEP 263) encoding cannot decode: compile() raises
# SyntaxError with the codec's message at line 0 (offset -1, no text); running such a
# file says "encoding problem: <encoding>".
import os, subprocess, sys, tempfile
for src in ["# coding: ascii\n\N{SNOWMAN}".encode('utf-8'), b"# coding: latin-1\nx = '\xff'\n",
            b"# coding: ascii\nx = 1\n# \xff\n", b"# coding: ascii\nx = '\xe2'",
            b"# coding: nosuchcodec\nx = 1\n"]:
    for fn in ("<string>", "name.py"):
        try:
            compile(src, fn, "exec")
            print("ok")
        except SyntaxError as e:
            print("SyntaxError", repr(e.msg), e.filename, e.lineno, e.offset, repr(e.text))
        except UnicodeDecodeError as e:
            print("UnicodeDecodeError", e)
d = tempfile.mkdtemp()
path = os.path.join(d, "asc.py")
with open(path, "wb") as f:
    f.write(b"# coding: ascii\nx = '\xe2'\n")
r = subprocess.run([sys.executable, path], capture_output=True, text=True)
print(r.returncode, r.stderr.strip().splitlines()[-1])
