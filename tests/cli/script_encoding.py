# Scripts are read by the file tokenizer, as python3.11 FILE does: invalid UTF-8 (even in a
# comment), coding cookies, BOM, CRLF line ends, NUL bytes (3.11.2 drops the rest of a line).
import os, subprocess, sys, tempfile

CASES = [
    ("comment_non_utf8", b"x = 1\n#\xf6\nprint(x)\n"),
    ("string_non_utf8", b'x = "\xe9"\nprint(x)\n'),
    ("latin1_cookie", b'# -*- coding: latin-1 -*-\nprint("caf\xe9", len("\xe9"))\n'),
    ("cookie_line2", b'#!/usr/bin/env python\n# vim: set fileencoding=iso-8859-15 :\nprint("\xa4")\n'),
    ("cookie_line3_ignored", b'\n\n# coding: latin-1\nprint("\xe9")\n'),
    ("bad_cookie", b"# coding: uft-8\nprint(1)\n"),
    ("bom", b'\xef\xbb\xbfprint("bom ok")\n'),
    ("bom_utf8_cookie", b'\xef\xbb\xbf# coding: utf-8\nprint("ok")\n'),
    ("bom_latin1_cookie", b"\xef\xbb\xbf# coding: latin-1\nprint(1)\n"),
    ("crlf", b'x = 1\r\nif x:\r\n    print("crlf", x)\r\ns = """a\r\nb"""\r\nprint(repr(s))\r\n'),
    ("cr_only", b'x = 1\rprint("cr", x)\r'),
    ("no_final_newline", b'print("last")'),
    ("utf8_then_error", 's = "\u00e9\u20ac"\nprint(len(s))\n1 +\n'.encode()),
    ("latin1_then_error", b"# coding: latin-1\ns = '\xe9'\nx = 1 +\n"),
    ("nul_line", b"print(1)\n\x00\nprint(2)\n"),
    ("nul_start", b"\x00print(1)\n"),
    ("nul_in_string", b'x = "a\x00b"\nprint(x)\n'),
]

d = tempfile.mkdtemp()
env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
for name, data in CASES:
    path = os.path.join(d, name + ".py")
    with open(path, "wb") as f:
        f.write(data)
    r = subprocess.run([sys.executable, path], capture_output=True, env=env, cwd=d)
    out = r.stdout.decode("utf-8", "replace")
    err = r.stderr.decode("utf-8", "replace").replace(d, "DIR")
    print("==", name, "rc", r.returncode)
    print(out, end="")
    print(err, end="")
    os.remove(path)
os.rmdir(d)
