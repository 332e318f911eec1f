#!/usr/bin/env python3.11
"""compilecheck.py — compile() every file on Krait and python3.11 and compare (owner: parser).

For every .py file given (directories are walked; default /usr/lib/python3.11), runs
`compile(source_bytes, path, "exec")` in python3.11 and in one Krait process (which reads
the list of files on stdin), and compares the outcome: "ok", or for a rejected file
"ExcType: msg (lineno, offset, end_lineno, end_offset)" — parser and symtable/compiler
errors alike.  Prints each mismatch and `N passed, N failed`.
Usage: python3.11 tools/compilecheck.py [--krait build/krait] [-q] [PATH...]
"""
import argparse
import os
import sys
import warnings

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from astcheck import files, run_batch  # noqa: E402

# Runs on Krait (and is the definition of the result format for both sides).
DRIVER = r'''
import sys, warnings
warnings.simplefilter("ignore")

def outcome(path):
    try:
        with open(path, "rb") as f:
            src = f.read()
        compile(src, path, "exec", dont_inherit=True)
        return "ok"
    except SyntaxError as e:
        return "%s: %s (%s, %s, %s, %s)" % (type(e).__name__, e.msg, e.lineno or 0, e.offset or 0,
                                            e.end_lineno or 0, e.end_offset or 0)
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)

if __name__ == "__main__":
    for line in sys.stdin:
        path = line.rstrip("\n")
        if path:
            sys.stdout.write(outcome(path) + "\n\f\n")
            sys.stdout.flush()
'''


_ns = {"__name__": "compilecheck_driver"}
exec(DRIVER, _ns)


def expected(path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return _ns["outcome"](path)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--krait", default="build/krait")
    ap.add_argument("-q", action="store_true", help="only the summary")
    ap.add_argument("paths", nargs="*", default=["/usr/lib/python3.11"])
    a = ap.parse_args()
    ok = bad = 0
    paths = list(files(a.paths))
    for path, got in run_batch([a.krait, "-c", DRIVER], paths):
        exp = expected(path)
        if got == exp:
            ok += 1
            continue
        bad += 1
        if not a.q:
            print("MISMATCH %s\n  want: %s\n  got:  %s" % (path, exp, got[-400:]), flush=True)
    print("%d passed, %d failed" % (ok, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
