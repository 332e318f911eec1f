#!/usr/bin/env python3.11
"""cpython_tests.py — runs CPython 3.11's own test files (Debian's libpython3.11-testsuite in
/usr/lib/python3.11/test) on Krait and on /usr/bin/python3.11, and compares the results per
test case.

Each file runs as `INTERPRETER -m unittest -v test.test_NAME` in a fresh temporary directory,
with a time limit per file on both sides. The verbose output is parsed into one status per
test case (ok, FAIL, ERROR, skipped, expected failure, unexpected success; a test whose
subtests fail gets the worst subtest status). A file that crashes (killed by a signal, or
ending without unittest's "Ran N tests" summary) or times out is marked CRASH/TIMEOUT; the
test that was running then counts as an error and the cases Krait never reached count as
"not run".

The table shows per file Krait's pass/fail/error/skip, then python3.11's. The final line is
`N passed, N failed` over test cases: a case passes when it passes on Krait (ok or expected
failure); every other case counts as failed, except the cases python3.11 skips too (or does
not have), which are left out.

Usage:
  /usr/bin/python3.11 tools/cpython_tests.py [--krait PATH] [-j N] [--timeout SECONDS]
                                             [--verbose] [test_NAME ...]
  --krait PATH     Krait binary (default: build/krait)
  -j N             files run at the same time (default 2)
  --timeout S      time limit per file and interpreter (default 600 s)
  --verbose, -v    list Krait's failing test ids with their first error line
  test_NAME ...    files to run (default: the list in DEFAULT_TESTS)
Exit status: 0 when no case failed, 1 otherwise.
"""
import argparse
import concurrent.futures
import os
import re
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ORACLE = "/usr/bin/python3.11"
DEFAULT_TESTS = [
    "test_math", "test_itertools", "test_collections", "test_functools", "test_operator",
    "test_random", "test_struct", "test_binascii", "test_re", "test_bisect", "test_heapq",
    "test_json", "test_base64", "test_string", "test_textwrap", "test_ast",
]

PASS_STATUSES = ("ok", "expected failure")
# Worse statuses win when one test reports several (subtests, then the test itself).
RANK = {"ok": 0, "expected failure": 0, "skipped": 1, "unexpected success": 2,
        "FAIL": 3, "ERROR": 4, "crash": 5}

# "name (dotted.id)" optionally followed by a subtest description, then " ... status".
HEADER = re.compile(r"^(  )?(\S+) \(((?:[\w<>\-]+\.)*[\w<>\-]*)\)(.*)$")
STATUS = re.compile(r"(ok|FAIL|ERROR|skipped(?: .*)?|expected failure|"
                    r"unexpected success)$")
DOCFILE = re.compile(r"^Doctest: (\S+) \.\.\. ")
SEPARATOR1 = "=" * 70
SEPARATOR2 = "-" * 70
REPORT = re.compile(r"^(FAIL|ERROR): (\S+) \(((?:[\w<>\-]+\.)*[\w<>\-]*)\)(.*)$")


def case_id(name, paren):
    """The test's id: unittest prints 'method (module.Class.method)'; doctests and class
    fixtures print 'name (module)', whose id is module.name."""
    if not paren:
        return name
    if paren == name or paren.endswith("." + name):
        return paren
    return paren + "." + name


class Result:
    """The parsed outcome of one test file on one interpreter."""

    def __init__(self):
        self.cases = {}         # id -> status (ok, FAIL, ERROR, skipped, ...)
        self.reasons = {}       # id -> first error line or skip reason
        self.file_status = ""   # "", "CRASH (...)" or "TIMEOUT"
        self.seconds = 0.0

    def set(self, cid, status):
        old = self.cases.get(cid)
        if old is None or RANK[status] > RANK[old]:
            self.cases[cid] = status

    def count(self, *statuses):
        return sum(1 for s in self.cases.values() if s in statuses)


def normalize(status):
    return "skipped" if status.startswith("skipped") else status


def parse_progress(text, result):
    """Reads the 'description ... status' lines; returns the id still running at the end."""
    pending = None
    finished = {}                       # id -> times it got its own final status
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if line == SEPARATOR1 and i + 1 < len(lines) and (
                REPORT.match(lines[i + 1]) or lines[i + 1].startswith("UNEXPECTED SUCCESS")):
            break                       # the FAIL:/ERROR: reports begin
        m = HEADER.match(line)
        subtest = bool(m and m.group(1))
        if m:
            pending = case_id(m.group(2), m.group(3))
            if not subtest and pending in finished:     # a suite loaded twice
                pending += "#%d" % (finished[pending] + 1)
        elif pending is None:
            d = DOCFILE.match(line)     # a doctest file: its path, then "Doctest: name"
            if d:
                pending = d.group(1)
        if pending is None:
            continue
        s = STATUS.search(line.rstrip())
        if s and (not m or " ... " in line):
            status = s.group(1)
            result.set(pending, normalize(status))
            if status.startswith("skipped"):
                result.reasons.setdefault(pending, status)
            if not subtest:
                base = pending.split("#")[0]
                finished[base] = finished.get(base, 0) + 1
            pending = None
    return pending


def parse_reports(text, result):
    """Reads the FAIL:/ERROR: blocks printed at the end: the ids are reliable there, and
    the exception line gives the reason shown with --verbose."""
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        if lines[i] == SEPARATOR1 and i + 1 < len(lines):
            m = REPORT.match(lines[i + 1])
            if m:
                cid = case_id(m.group(2), m.group(3))
                j = i + 2
                while j < len(lines) and lines[j] != SEPARATOR2:
                    j += 1              # a docstring line may follow the header
                j += 1
                block = []
                while j < len(lines) and lines[j] not in (SEPARATOR1, SEPARATOR2):
                    block.append(lines[j])
                    j += 1
                result.set(cid, m.group(1))
                result.reasons.setdefault(cid, first_error_line(block))
                i = j
                continue
        i += 1


def first_error_line(block):
    """The exception line of the last traceback in a report block."""
    start = 0
    for k, line in enumerate(block):
        if line.startswith("Traceback (most recent call last)"):
            start = k + 1
    for line in block[start:]:
        if line and not line.startswith(" "):
            return line
    return block[-1] if block else ""


def run_file(interpreter, name, timeout):
    """Runs one test file; returns a Result."""
    result = Result()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["LC_ALL"] = "C.UTF-8"
    with tempfile.TemporaryDirectory(prefix="cpytest-") as tmp:
        start = time.monotonic()
        try:
            proc = subprocess.Popen([interpreter, "-m", "unittest", "-v", "test." + name],
                                    cwd=tmp, env=env, stdin=subprocess.DEVNULL,
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                    start_new_session=True)
        except OSError as e:
            result.file_status = "CANNOT RUN (%s)" % e
            return result
        try:
            out, err = proc.communicate(timeout=timeout)
            timed_out = False
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            out, err = proc.communicate()
            timed_out = True
        result.seconds = time.monotonic() - start
    text = err.decode("utf-8", "replace")
    pending = parse_progress(text, result)
    parse_reports(text, result)
    finished = re.search(r"^Ran \d+ tests? in ", text, re.M) is not None
    if timed_out:
        result.file_status = "TIMEOUT"
    elif proc.returncode < 0:
        result.file_status = "CRASH (%s)" % signal.Signals(-proc.returncode).name
    elif not finished:
        tail = [l for l in text.splitlines() if l.strip()][-1:] or ["no output"]
        result.file_status = "CRASH (exit %d: %s)" % (proc.returncode, tail[0][:80])
    if result.file_status and pending is not None:
        result.set(pending, "crash")
        result.reasons[pending] = result.file_status
    return result


def compare(name, krait, python):
    """Returns (passed, failed, failing ids with reasons) for one file."""
    passed, failing = 0, []
    for cid in sorted(set(krait.cases) | set(python.cases)):
        k = krait.cases.get(cid)
        p = python.cases.get(cid)
        if k in PASS_STATUSES:
            passed += 1
        elif p in (None, "skipped") and k in (None, "skipped"):
            continue
        else:
            if k is None:
                why = "not run" + (" (%s)" % krait.file_status if krait.file_status else "")
            else:
                why = "%s: %s" % (k, krait.reasons.get(cid, ""))
            if p not in PASS_STATUSES:
                why += "  [python3.11: %s]" % p
            failing.append((cid, why))
    return passed, len(failing), failing


def counts(r):
    return (r.count(*PASS_STATUSES), r.count("FAIL", "unexpected success"),
            r.count("ERROR", "crash"), r.count("skipped"))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("tests", nargs="*")
    ap.add_argument("--krait", default=os.path.join(ROOT, "build", "krait"))
    ap.add_argument("-j", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=600)
    ap.add_argument("--verbose", "-v", action="store_true")
    args = ap.parse_args()
    tests = args.tests or DEFAULT_TESTS
    krait = os.path.abspath(args.krait)

    jobs = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.j)) as pool:
        for name in tests:
            jobs[name] = (pool.submit(run_file, krait, name, args.timeout),
                          pool.submit(run_file, ORACLE, name, args.timeout))
        head = "%-18s %6s %5s %5s %5s %7s | %6s %5s %5s %5s | %s" % (
            "file", "pass", "fail", "error", "skip", "secs",
            "pass", "fail", "error", "skip", "Krait file status")
        print("%-18s %-32s | %-26s |" % ("", "Krait", "python3.11"))
        print(head)
        print("-" * len(head))
        total_pass = total_fail = 0
        details = []
        for name in tests:
            k, p = jobs[name][0].result(), jobs[name][1].result()
            passed, failed, failing = compare(name, k, p)
            total_pass += passed
            total_fail += failed
            print("%-18s %6d %5d %5d %5d %7.1f | %6d %5d %5d %5d | %s" % (
                (name,) + counts(k) + (k.seconds,) + counts(p) + (k.file_status,)),
                flush=True)
            if p.file_status:
                print("%-18s python3.11 itself: %s" % ("", p.file_status))
            details.append((name, failing))
    if args.verbose:
        for name, failing in details:
            if failing:
                print("\n%s: %d failing" % (name, len(failing)))
                for cid, why in failing:
                    print("  %s  %s" % (cid, why[:200]))
    kinds = {}
    for _, failing in details:
        for _, why in failing:
            kind = ("skipped by Krait as a CPython implementation detail"
                    if "implementation detail specific to cpython" in why
                    else "also failing on python3.11" if "[python3.11:" in why
                    else "not run (file crashed or timed out)" if why.startswith("not run")
                    else None)
            if kind:
                kinds[kind] = kinds.get(kind, 0) + 1
    if kinds:
        print("\nof the failures: " + "; ".join("%d %s" % (n, k) for k, n in sorted(kinds.items())))
    print("\n%d passed, %d failed" % (total_pass, total_fail))
    return 1 if total_fail else 0


if __name__ == "__main__":
    sys.exit(main())
