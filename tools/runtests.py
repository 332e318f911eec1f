#!/usr/bin/env python3.11
"""runtests.py — Krait's test runner: runs tests/<area>/<name>.py under krait and compares
stdout/stderr/exit status with the expected files python3.11 produced (--regen makes them).
Conventions (.args/.opts/.cmd/.stdin/.env, KNOWN_FAILURES) are documented in tests/README.md.
Usage: tools/runtests.py [--krait PATH] [-v] [-x] [-j N] [--sanitizer] [--regen] [SELECTOR...]
"""
import argparse
import concurrent.futures
import difflib
import os
import shlex
import shutil
import signal
import subprocess
import re
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TESTS = os.path.join(ROOT, "tests")
KNOWN_FAILURES = os.path.join(TESTS, "KNOWN_FAILURES")
ORACLE = "/usr/bin/python3.11" if os.path.exists("/usr/bin/python3.11") else "python3.11"
SANITIZER_MARKERS = (
    b"ERROR: AddressSanitizer",
    b"ERROR: LeakSanitizer",
    b"SUMMARY: AddressSanitizer",
    b"SUMMARY: UndefinedBehaviorSanitizer",
    b"SUMMARY: LeakSanitizer",
    b"runtime error:",          # UBSan's per-report line
)
# With allocator_may_return_null=1 ASan still prints one warning per refused huge
# allocation; Krait turns those into MemoryError, so the warning itself is not a finding.
ASAN_ALLOC_WARNING = re.compile(rb"^==\d+==WARNING: AddressSanitizer failed to allocate 0x[0-9a-f]+ bytes\n", re.M)
DIFF_LINES = 80                 # diff lines shown per stream unless -v
TESTDIR = b"{TESTDIR}"          # stands for the test's absolute directory in outputs


class Test:
    """One test program and the side files that say how to run it."""

    def __init__(self, path):
        self.path = path                               # absolute path of <name>.py
        self.dir = os.path.dirname(path)
        self.name = os.path.basename(path)[:-3]
        self.area = os.path.basename(self.dir)
        self.id = f"{self.area}/{self.name}"

    def side(self, ext):
        return os.path.join(self.dir, self.name + ext)

    def read_side(self, ext):
        p = self.side(ext)
        if not os.path.exists(p):
            return None
        with open(p, "rb") as f:
            return f.read()

    def argv(self, interpreter):
        """[interpreter, opts..., name.py, args...], or [interpreter, cmd...] with .cmd."""
        cmd = self.read_side(".cmd")
        if cmd is not None:
            return [interpreter] + shlex.split(cmd.decode())
        opts = shlex.split((self.read_side(".opts") or b"").decode())
        args = shlex.split((self.read_side(".args") or b"").decode())
        return [interpreter] + opts + [self.name + ".py"] + args

    def env(self):
        """The caller's environment minus PYTHON* variables, plus the test's settings."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
        env["PYTHONHASHSEED"] = "0"
        env["LC_ALL"] = "C.UTF-8"
        extra = self.read_side(".env")
        for line in (extra or b"").decode().splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                key, _, value = line.partition("=")
                env[key.strip()] = value
        return env

    def expected(self):
        rc = self.read_side(".rc")
        return (self.read_side(".out") or b"", self.read_side(".err") or b"",
                int(rc.decode().strip()) if rc is not None else 0)


class Result:
    def __init__(self, stdout=b"", stderr=b"", rc=0, timed_out=False, error=None, secs=0.0):
        self.stdout, self.stderr, self.rc = stdout, stderr, rc
        self.timed_out, self.error, self.secs = timed_out, error, secs


def run(test, interpreter, timeout):
    """Run one test in its own directory and session; kill the whole group on timeout."""
    stdin = test.read_side(".stdin")
    start = time.monotonic()
    try:
        proc = subprocess.Popen(test.argv(interpreter), cwd=test.dir, env=test.env(),
                                stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                start_new_session=True)
    except OSError as e:
        return Result(error=f"cannot run {interpreter}: {e}")
    try:
        out, err = proc.communicate(stdin, timeout=timeout)
        timed_out = False
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        out, err = proc.communicate()
        timed_out = True
    out, err = normalise(test, out), normalise(test, err)
    return Result(out, err, proc.returncode, timed_out, secs=time.monotonic() - start)


# unittest's summary carries a wall-clock time; only the count is behaviour.
UNITTEST_RAN = re.compile(rb"^(Ran \d+ tests? in )\d+\.\d{3}s$", re.M)


def normalise(test, data):
    """CPython shows the main script's absolute path (tracebacks, __file__); expected files
    must not depend on where the repo lives, so that directory becomes {TESTDIR}.
    unittest's "Ran N tests in 0.012s" line loses its timing."""
    data = data.replace(os.fsencode(test.dir), TESTDIR)
    return UNITTEST_RAN.sub(rb"\1X.XXXs", data)


# ---------------------------------------------------------------- selection

def all_tests():
    tests = []
    for area in sorted(os.listdir(TESTS)):
        d = os.path.join(TESTS, area)
        if not os.path.isdir(d) or area.startswith((".", "_")):
            continue
        for f in sorted(os.listdir(d)):
            if f.endswith(".py") and not f.startswith("_"):
                tests.append(Test(os.path.join(d, f)))
    return tests


def select(selectors):
    """Selectors: 'area', 'area/name' (optionally with .py), or a file/directory path."""
    tests = all_tests()
    if not selectors:
        return tests
    chosen, seen = [], set()
    for sel in selectors:
        matched = [t for t in tests if matches(t, sel)]
        if not matched:
            sys.exit(f"runtests: no test matches {sel!r}")
        for t in matched:
            if t.id not in seen:
                seen.add(t.id)
                chosen.append(t)
    return chosen


def matches(test, sel):
    s = sel.rstrip("/")
    if s.endswith(".py"):
        s = s[:-3]
    if s in (test.area, test.id):
        return True
    p = os.path.abspath(sel)
    if os.path.exists(p):
        return p == test.path or (os.path.isdir(p) and p == test.dir)
    return False


def load_known_failures():
    known = {}
    if os.path.exists(KNOWN_FAILURES):
        with open(KNOWN_FAILURES, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if line and not line.startswith("#"):
                    name, _, reason = line.partition(" ")
                    known[name.removesuffix(".py")] = reason.strip() or "no reason given"
    return known


# ---------------------------------------------------------------- checking

def diff(label, expected, actual, verbose):
    exp = expected.decode("utf-8", "replace").splitlines(keepends=True)
    act = actual.decode("utf-8", "replace").splitlines(keepends=True)
    lines = list(difflib.unified_diff(exp, act, f"expected {label}", f"actual {label}"))
    lines = [l if l.endswith("\n") else l + "\n\\ No newline at end of file\n" for l in lines]
    if not verbose and len(lines) > DIFF_LINES:
        extra = len(lines) - DIFF_LINES
        lines = lines[:DIFF_LINES] + [f"... ({extra} more diff lines; -v shows all)\n"]
    return "".join(lines)


def describe_rc(rc):
    if rc < 0:
        try:
            return f"killed by {signal.Signals(-rc).name}"
        except ValueError:
            return f"killed by signal {-rc}"
    return f"exit status {rc}"


def check(test, res, sanitizer, verbose):
    """Return (passed, report text)."""
    if res.error:
        return False, res.error + "\n"
    problems = []
    if res.timed_out:
        problems.append("timed out\n")
    if sanitizer:
        res.stderr = ASAN_ALLOC_WARNING.sub(b"", res.stderr)
    if sanitizer and any(m in res.stderr for m in SANITIZER_MARKERS):
        problems.append("sanitizer report in stderr:\n" + res.stderr.decode("utf-8", "replace"))
    out, err, rc = test.expected()
    if not res.timed_out and res.rc != rc:
        problems.append(f"expected {describe_rc(rc)}, got {describe_rc(res.rc)}\n")
    if res.stdout != out:
        problems.append(diff("stdout", out, res.stdout, verbose))
    if res.stderr != err and not any("sanitizer report" in p for p in problems):
        problems.append(diff("stderr", err, res.stderr, verbose))
    return not problems, "".join(problems)


def save_actual(test, res, passed):
    """Keep <name>.out.actual/.err.actual next to a failing test (git-ignored)."""
    for ext, data in ((".out.actual", res.stdout), (".err.actual", res.stderr)):
        p = test.side(ext)
        try:
            if passed or (ext == ".err.actual" and not data):
                if os.path.exists(p):
                    os.remove(p)
            else:
                with open(p, "wb") as f:
                    f.write(data)
        except OSError:
            pass


# ---------------------------------------------------------------- modes

def run_tests(args, tests):
    interpreter = os.path.abspath(args.krait) if os.sep in args.krait else shutil.which(args.krait)
    if not interpreter or not os.access(interpreter, os.X_OK):
        sys.exit(f"runtests: krait binary not found or not executable: {args.krait} "
                 f"(build it with `make`)")
    timeout = args.timeout or (60 if args.sanitizer else 10)
    known = load_known_failures()
    ids = {t.id for t in all_tests()}
    for name in sorted(set(known) - ids):
        print(f"warning: KNOWN_FAILURES lists {name}, which is not a test", file=sys.stderr)

    counts = {"passed": 0, "failed": 0, "skipped": 0}
    lock = threading.Lock()
    stop = threading.Event()

    def one(test):
        if stop.is_set():
            return
        nosan = os.path.join(test.dir, test.name + ".nosanitizer")
        if args.sanitizer and os.path.exists(nosan):
            with open(nosan, encoding="utf-8") as f, lock:
                counts["skipped"] += 1
                print(f"SKIP {test.id} skipped under sanitizers ({f.read().strip()})")
            return
        res = run(test, interpreter, timeout)
        passed, report = check(test, res, args.sanitizer, args.verbose)
        save_actual(test, res, passed)
        with lock:
            report_one(test, res, passed, report, known.get(test.id), counts, args.verbose,
                       interpreter)
            if not passed and test.id not in known and args.exitfirst:
                stop.set()

    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for f in [pool.submit(one, t) for t in tests]:
            f.result()
    line = f"{counts['passed']} passed, {counts['failed']} failed"
    if counts["skipped"]:
        line += f", {counts['skipped']} skipped"
    print(line, flush=True)
    return 1 if counts["failed"] else 0


def report_one(test, res, passed, report, known_reason, counts, verbose, interpreter):
    timing = f" ({res.secs:.2f}s)"
    if known_reason is not None:
        if passed:
            counts["passed"] += 1
            print(f"PASS {test.id}{timing} — now passing — remove it from KNOWN_FAILURES")
        else:
            counts["skipped"] += 1
            print(f"SKIP {test.id} skipped (known failure: {known_reason})")
            if verbose:
                print(report, end="")
    elif passed:
        counts["passed"] += 1
        if verbose:
            print(f"PASS {test.id}{timing}")
    else:
        counts["failed"] += 1
        print(f"FAIL {test.id}{timing}: {' '.join(test.argv(os.path.basename(interpreter)))} (in {test.dir})")
        print(report, end="")
    sys.stdout.flush()


def regen(args, tests):
    """Write <name>.out always, .err/.rc only when non-empty/non-zero; remove stale ones."""
    python = args.python or ORACLE
    failed = 0
    for test in tests:
        res = run(test, python, args.timeout or 60)
        if res.error or res.timed_out:
            print(f"ERROR {test.id}: {res.error or 'timed out under ' + python}")
            failed += 1
            continue
        for ext, data in ((".out", res.stdout), (".err", res.stderr),
                          (".rc", f"{res.rc}\n".encode() if res.rc else b"")):
            p = test.side(ext)
            if data or ext == ".out":
                with open(p, "wb") as f:
                    f.write(data)
            elif os.path.exists(p):
                os.remove(p)
        if args.verbose:
            print(f"regenerated {test.id}" + (f" (exit status {res.rc})" if res.rc else ""))
    print(f"regenerated {len(tests) - failed} tests with {python}, {failed} failed")
    return 1 if failed else 0


def main():
    ap = argparse.ArgumentParser(description="Run Krait's tests against python3.11's outputs.")
    ap.add_argument("selectors", nargs="*", help="area, area/name, or path (default: all)")
    ap.add_argument("--krait", default=os.path.join(ROOT, "build", "krait"),
                    help="interpreter under test (default: build/krait)")
    ap.add_argument("--regen", action="store_true",
                    help="regenerate expected files by running python3.11")
    ap.add_argument("--python", help=f"oracle for --regen (default: {ORACLE})")
    ap.add_argument("--sanitizer", action="store_true",
                    help="fail on ASan/UBSan/LSan reports; 60 s timeout")
    ap.add_argument("--timeout", type=float, help="seconds per test (default 10, 60 with --sanitizer)")
    ap.add_argument("-j", "--jobs", type=int, default=2, help="parallel workers (default 2)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every test, full diffs")
    ap.add_argument("-x", "--exitfirst", action="store_true", help="stop at the first failure")
    args = ap.parse_args()
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="replace")
    tests = select(args.selectors)
    sys.exit(regen(args, tests) if args.regen else run_tests(args, tests))


if __name__ == "__main__":
    main()
