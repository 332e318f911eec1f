#!/usr/bin/env python3.11
"""astcheck.py — compare Krait's parser with python3.11's (owner: parser).

For every .py file given (directories are walked), runs `astdump -a FILE` and compares
its output with ast.dump(ast.parse(src), include_attributes=True), or, for sources that
do not compile, with "ExcType: msg (lineno, offset, end_lineno, end_offset)".
Usage: python3.11 tools/astcheck.py [--astdump build/astdump] [-q] PATH...
"""
import argparse
import ast
import os
import subprocess
import sys
import warnings


def expected(path):
    with open(path, "rb") as f:
        src = f.read()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tree = ast.parse(src, path)
    except SyntaxError as e:
        return "%s: %s (%s, %s, %s, %s)" % (type(e).__name__, e.msg, e.lineno or 0, e.offset or 0,
                                            e.end_lineno or 0, e.end_offset or 0)
    except (ValueError, RecursionError, MemoryError) as e:
        return None
    return ast.dump(tree, include_attributes=True)


def files(paths):
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, names in os.walk(p):
                dirs.sort()
                for n in sorted(names):
                    if n.endswith(".py"):
                        yield os.path.join(root, n)
        else:
            yield p


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--astdump", default="build/astdump")
    ap.add_argument("-q", action="store_true", help="only the summary")
    ap.add_argument("paths", nargs="+")
    a = ap.parse_args()
    ok = bad = skipped = 0
    for path in files(a.paths):
        exp = expected(path)
        if exp is None:
            skipped += 1
            continue
        try:
            r = subprocess.run([a.astdump, "-a", path], capture_output=True, timeout=60)
            got = r.stdout.decode("utf-8", "replace").rstrip("\n")
            if r.returncode not in (0, 1):
                got += "\n[exit %d] %s" % (r.returncode, r.stderr.decode("utf-8", "replace")[-300:])
        except subprocess.TimeoutExpired:
            got = "[timeout]"
        if got == exp:
            ok += 1
            continue
        bad += 1
        if not a.q:
            i = next((k for k in range(min(len(got), len(exp))) if got[k] != exp[k]), min(len(got), len(exp)))
            print("MISMATCH %s\n  want: ...%s\n  got:  ...%s" % (path, exp[max(0, i - 80):i + 80],
                                                                got[max(0, i - 80):i + 80]))
    print("astcheck: %d ok, %d mismatches, %d skipped" % (ok, bad, skipped))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
