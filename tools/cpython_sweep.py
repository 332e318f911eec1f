#!/usr/bin/env python3.11
"""cpython_sweep.py — crash/hang sweep of CPython 3.11's test suite (Debian's
libpython3.11-testsuite in /usr/lib/python3.11/test) under Krait.

Every test module test_*.py, and every test package (test_json, test_asyncio, ...) as a
whole, runs as `INTERPRETER -m unittest -v test.NAME` in a fresh temporary directory with a
time limit, and is classified from its exit status and output:

  OK       unittest's summary says OK (skips included)
  FAILED   unittest's summary says FAILED; the counts (failures/errors/skipped) are shown
  CRASH    killed by a signal (segfault, abort, ...): the signal and the last test started
  HANG     still running at the time limit (killed): the last test started
  LOST     exited without unittest's "Ran N tests" summary (lost output, os._exit, ...)
  IMPORT   the module failed to import: the missing module (or the exception) is shown

A module that raises SkipTest while importing ends without a summary on CPython too: it is
IMPORT when a module is missing ("No module named 'X'", "X required"), otherwise OK
("skipped at import": Windows-only, BSD-only, ... modules).

Modules skipped at import by test.support.import_helper.import_module (SkipTest "No module
named 'X'") are OK with one skip; their missing module is counted in the totals too.

Usage:
  /usr/bin/python3.11 tools/cpython_sweep.py [--krait PATH | --python] [-j N]
        [--timeout S] [--only NAME,...] [--skip NAME,...] [--from NAME] [--to NAME]
        [--no-default-skips] [--tail N] [--log DIR]
  --krait PATH   Krait binary (default build/krait)
  --python       run /usr/bin/python3.11 instead (for comparison)
  -j N           modules run at the same time (1 or 2; default 1)
  --timeout S    time limit per module in seconds (default 120)
  --only LIST    only these modules (comma separated, or several --only)
  --skip LIST    skip these as well as the default skip list below
  --from/--to    alphabetical range (inclusive), e.g. --to test_m for the first half
  --tail N       lines of output shown for CRASH/HANG/LOST/IMPORT (default 3)
  --log DIR      keep every module's full output as DIR/NAME.txt
Exit status: 0 when nothing crashed or hung, 1 otherwise.
"""
import argparse
import collections
import concurrent.futures
import os
import re
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TESTDIR = "/usr/lib/python3.11/test"
ORACLE = "/usr/bin/python3.11"

# Skipped by default: outside unittest's regrtest every test.support resource is enabled,
# so these reach the network, need a display, or take many minutes even on CPython.
DEFAULT_SKIPS = {
    # network (real hosts)
    "test_urllib2net": "network", "test_urllibnet": "network", "test_socket_networking":
    "network", "test_ssl": "network + slow", "test_timeout": "network",
    "test_nntplib": "network", "test_smtpnet": "network", "test_xmlrpc_net": "network",
    "test_robotparser": "network", "test_imaplib": "network + slow",
    "test_httplib": "network (some cases)",
    # extremely slow or huge
    "test_largefile": "writes >2 GiB", "test_zipfile64": "writes huge files",
    "test_bigmem": "huge memory", "test_bigaddrspace": "huge memory",
    "test_peg_generator": "compiles C extensions", "test_tools": "runs the Tools scripts",
    "test_regrtest": "runs whole test suites in subprocesses", "test_gdb": "needs gdb + CPython",
    "test_concurrent_futures": "many minutes", "test_subprocess": "many minutes",
    "test_multiprocessing_fork": "many minutes", "test_multiprocessing_forkserver":
    "many minutes", "test_multiprocessing_spawn": "many minutes",
    "test_multiprocessing_main_handling": "many minutes",
    # GUI
    "test_tkinter": "display", "test_ttk": "display", "test_ttk_textonly": "tkinter",
    "test_idle": "display", "test_turtle": "display", "test_tix": "display",
}

SUMMARY = re.compile(r"^Ran (\d+) tests? in ")
RESULT = re.compile(r"^(OK|FAILED)(?: \((.*)\))?\s*$")
STARTED = re.compile(r"^(\S+) \(([\w.<>\-]+)\)(?:$| )")
MISSING = re.compile(r"No module named '([\w.]+)'")
REQUIRED = re.compile(r"SkipTest: (?:The required )?(\w+) (?:module was not built|is required|required)")
IMPORT_ERROR = re.compile(r"^(ImportError|ModuleNotFoundError): (.*)$")
SIGNAMES = {s.value: s.name for s in signal.Signals}


def list_modules():
    names = []
    for entry in sorted(os.listdir(TESTDIR)):
        path = os.path.join(TESTDIR, entry)
        if entry.startswith("test_") and entry.endswith(".py"):
            names.append(entry[:-3])
        elif (entry.startswith("test_") and os.path.isdir(path)
              and os.path.exists(os.path.join(path, "__init__.py"))):
            names.append(entry)
    return names


def last_started(lines):
    """The last 'name (id) ... ' line: the test running when the process died."""
    for line in reversed(lines):
        m = STARTED.match(line)
        if m:
            return f"{m.group(2)}.{m.group(1)}"
    return None


def classify(rc, timed_out, text):
    """Return (status, detail, missing-module list) for one module's run."""
    lines = text.splitlines()
    # Only skips and import errors count: tests that import missing names on purpose don't.
    missing = sorted(set(m.group(1) for line in lines
                         if "skipped" in line or "ModuleNotFoundError" in line
                         or "SkipTest" in line
                         or line.startswith("ImportError")
                         for m in MISSING.finditer(line)))
    if timed_out:
        return "HANG", f"last: {last_started(lines)}", missing
    if rc < 0:
        sig = SIGNAMES.get(-rc, str(-rc))
        return "CRASH", f"{sig}, last: {last_started(lines)}", missing
    # A package whose submodules partly fail to import still runs the rest: only a run of
    # the one failed-import test (or none) is an import failure.
    ran_m = [SUMMARY.match(line) for line in lines if SUMMARY.match(line)]
    whole_run = ran_m and int(ran_m[-1].group(1)) > 1
    if ("Failed to import test module:" in text or "Error while importing" in text) \
            and not whole_run:
        errs = [m for m in (IMPORT_ERROR.match(line) for line in lines) if m]
        other = re.findall(r"^(\w+(?:Error|Exception)): (.*)$", text, re.M)
        if errs:
            detail = f"{errs[-1].group(1)}: {errs[-1].group(2)}"
        elif other:
            detail = f"{other[-1][0]}: {other[-1][1]}"
        else:
            detail = "?"
        return "IMPORT", detail[:100], missing
    ran = None
    for i, line in enumerate(lines):
        if SUMMARY.match(line):
            ran = int(SUMMARY.match(line).group(1))
            for rest in lines[i + 1:]:
                m = RESULT.match(rest.strip())
                if m:
                    counts = f"ran={ran}" + (f", {m.group(2)}" if m.group(2) else "")
                    return ("OK" if m.group(1) == "OK" else "FAILED"), counts, missing
    # No summary but a traceback: the import itself raised (a SkipTest raised at import time
    # ends the run this way on CPython too).
    exc = [line for line in lines if re.match(r"^[\w.]+(Error|Exception|SkipTest|Exit)\b", line)]
    if ran is None and "Traceback (most recent call last)" in text and exc:
        last = exc[-1].replace("unittest.case.", "")
        found = MISSING.findall(last) + REQUIRED.findall(last)
        missing = sorted(set(missing) | set(found))
        if last.startswith("SkipTest") and not found:
            # Skipped at import for the platform (Windows, BSD, ...): CPython does the same.
            return "OK", "skipped at import: " + last[10:90], missing
        return "IMPORT", last[:100], missing
    return "LOST", f"exit {rc}, ran={ran}, last: {last_started(lines)}", missing


def run_module(interpreter, name, timeout, logdir):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["LC_ALL"] = "C.UTF-8"
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="sweep-") as tmp:
        out_path = os.path.join(tmp, ".out")
        with open(out_path, "wb") as out:
            proc = subprocess.Popen([interpreter, "-m", "unittest", "-v", "test." + name],
                                    cwd=tmp, env=env, stdin=subprocess.DEVNULL, stdout=out,
                                    stderr=subprocess.STDOUT, start_new_session=True)
            timed_out = False
            try:
                rc = proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                timed_out = True
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                rc = proc.wait()
            # Children left behind (a test's subprocesses) must not outlive the module.
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        with open(out_path, "rb") as f:
            text = f.read().decode("utf-8", "replace")
    if logdir:
        with open(os.path.join(logdir, name + ".txt"), "w") as f:
            f.write(text)
    status, detail, missing = classify(rc, timed_out, text)
    return name, status, detail, missing, time.monotonic() - start, text


def split_list(values):
    out = []
    for v in values or ():
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--krait", default=os.path.join(ROOT, "build", "krait"))
    ap.add_argument("--python", action="store_true")
    ap.add_argument("-j", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("--only", action="append")
    ap.add_argument("--skip", action="append")
    ap.add_argument("--from", dest="start")
    ap.add_argument("--to", dest="stop")
    ap.add_argument("--no-default-skips", action="store_true")
    ap.add_argument("--tail", type=int, default=3)
    ap.add_argument("--log")
    args = ap.parse_args()
    jobs = max(1, min(args.j, 2))   # the machine is shared: never more than 2
    interpreter = ORACLE if args.python else os.path.abspath(args.krait)
    names = list_modules()
    only = split_list(args.only)
    if only:
        names = [n for n in only]
    skips = set(split_list(args.skip))
    if not args.no_default_skips and not only:
        skips |= set(DEFAULT_SKIPS)
    names = [n for n in names if n not in skips]
    if args.start:
        names = [n for n in names if n >= args.start]
    if args.stop:
        names = [n for n in names if n <= args.stop + "\uffff"]
    if args.log:
        os.makedirs(args.log, exist_ok=True)

    totals = collections.Counter()
    missing_counts = collections.Counter()
    print(f"# {interpreter}: {len(names)} modules, timeout {args.timeout:g}s, -j {jobs}")
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        futures = [pool.submit(run_module, interpreter, n, args.timeout, args.log)
                   for n in names]
        for fut in concurrent.futures.as_completed(futures):
            name, status, detail, missing, secs, text = fut.result()
            totals[status] += 1
            for mod in missing:
                missing_counts[mod] += 1
            print(f"{name:40} {status:7} {secs:6.1f}s  {detail}", flush=True)
            if status in ("CRASH", "HANG", "LOST") and args.tail:
                for line in text.rstrip().splitlines()[-args.tail:]:
                    print(f"    | {line[:150]}")
    print("# totals: " + ", ".join(f"{k} {totals[k]}" for k in
                                    ("OK", "FAILED", "CRASH", "HANG", "LOST", "IMPORT")))
    if missing_counts:
        print("# missing modules (modules whose output names them): " + ", ".join(
            f"{m} {c}" for m, c in missing_counts.most_common()))
    return 1 if totals["CRASH"] or totals["HANG"] else 0


if __name__ == "__main__":
    sys.exit(main())
