#!/usr/bin/env python3.11
"""astcheck.py — compare Krait's parser with python3.11's (owner: parser).

For every .py file given (directories are walked), runs `astdump -a FILE` and compares
its output with ast.dump(ast.parse(src), include_attributes=True), or, for sources that
do not compile, with "ExcType: msg (lineno, offset, end_lineno, end_offset)" (a file
python3.11 rejects passes only when Krait raises the same error at the same place).
One astdump process checks the whole list (`astdump -a -l`).
Usage: python3.11 tools/astcheck.py [--astdump build/astdump] [-q] PATH...
"""
import argparse
import ast
import os
import select
import subprocess
import sys
import threading
import time
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
        return "%s: %s" % (type(e).__name__, e)
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


def run_batch(cmd, paths, timeout=60):
    """Yield (path, output) for every path, running one `cmd` process that reads the paths
    from stdin, one per line, and ends each result with a line holding a form feed; a file
    that crashes or hangs the process is reported and the rest continue in a new process."""
    i = 0
    while i < len(paths):
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        threading.Thread(target=_feed, args=(proc.stdin, paths[i:]), daemon=True).start()
        errbuf = []
        threading.Thread(target=lambda: errbuf.append(proc.stderr.read()), daemon=True).start()
        fd = proc.stdout.fileno()
        buf = b""
        while i < len(paths):
            k = buf.find(b"\f\n")
            if k >= 0:
                yield paths[i], buf[:k].decode("utf-8", "replace").rstrip("\n")
                buf = buf[k + 2:]
                i += 1
                continue
            ready, _, _ = select.select([fd], [], [], timeout)
            chunk = os.read(fd, 1 << 20) if ready else None
            if not chunk:
                if chunk is None:
                    proc.kill()
                proc.wait()
                time.sleep(0.05)
                err = b"".join(errbuf).decode("utf-8", "replace")[-300:]
                what = "[timeout]" if chunk is None else "[exit %d] %s" % (proc.returncode, err)
                yield paths[i], buf.decode("utf-8", "replace") + what
                i += 1
                break
            buf += chunk
        else:
            proc.stdout.close()
            proc.wait()


def _feed(pipe, paths):
    try:
        for p in paths:
            pipe.write(os.fsencode(p) + b"\n")
        pipe.close()
    except (BrokenPipeError, OSError):
        pass


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--astdump", default="build/astdump")
    ap.add_argument("-q", action="store_true", help="only the summary")
    ap.add_argument("paths", nargs="+")
    a = ap.parse_args()
    ok = bad = 0
    paths = list(files(a.paths))
    for path, got in run_batch([a.astdump, "-a", "-l"], paths):
        exp = expected(path)
        if got == exp:
            ok += 1
            continue
        bad += 1
        if not a.q:
            i = next((k for k in range(min(len(got), len(exp))) if got[k] != exp[k]), min(len(got), len(exp)))
            print("MISMATCH %s\n  want: ...%s\n  got:  ...%s" % (path, exp[max(0, i - 80):i + 80],
                                                                got[max(0, i - 80):i + 80]), flush=True)
    print("%d passed, %d failed" % (ok, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
