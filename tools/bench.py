#!/usr/bin/env python3.11
"""bench.py — times Krait against python3.11 on the programs in bench/ and writes
bench/RESULTS.md.  Runs alternate (krait, python, krait, python, ...); each figure is a
median; a wrong checksum, crash or timeout is a failure, never a figure.  See bench/README.md.
"""
import argparse
import datetime
import glob
import hashlib
import math
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "bench")
ORACLE = "/usr/bin/python3.11" if os.path.exists("/usr/bin/python3.11") else "python3.11"
STARTUP_REPS = 60          # `-c pass` runs per startup sample, so a sample is measurable
TIMEOUT = 120              # seconds per program run
LAUNCHER = None            # tools/benchrun.c, compiled by launcher()


class Failure(Exception):
    pass


def programs():
    names = sorted(os.path.basename(p)[:-3] for p in glob.glob(os.path.join(BENCH, "*.py")))
    return names + ["startup"]


def launcher():
    """Path of tools/benchrun.c compiled (once per source version) into the temp dir.
    Programs are started from that small C process, not from this Python one: on Linux a
    child's ru_maxrss includes what it had before exec, i.e. the forking parent's RSS."""
    src = os.path.join(ROOT, "tools", "benchrun.c")
    with open(src, "rb") as f:
        digest = hashlib.sha1(f.read()).hexdigest()[:12]
    exe = os.path.join(tempfile.gettempdir(), f"krait-benchrun-{os.getuid()}-{digest}")
    if not os.access(exe, os.X_OK):
        cc = os.environ.get("CC") or shutil.which("cc") or shutil.which("gcc") or "cc"
        tmp = f"{exe}.{os.getpid()}"
        r = subprocess.run([cc, "-O2", "-o", tmp, src], capture_output=True, text=True)
        if r.returncode != 0:
            sys.exit(f"bench: cannot compile {src} with {cc}:\n{r.stderr}")
        os.replace(tmp, exe)
    return exe


def resolve(interpreter):
    path = interpreter if os.sep in interpreter else shutil.which(interpreter)
    if path is None or not os.access(path, os.X_OK):
        raise Failure(f"cannot run {interpreter}: not an executable")
    return os.path.abspath(path)


def run_once(interpreter, argv, timeout, reps=1):
    """Run [interpreter, *argv] reps times in a row in bench/ through the launcher; return
    (seconds for all reps, largest peak RSS of one run in KiB, stdout)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONHASHSEED"] = "0"
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile("r") as report:
        start = time.perf_counter()
        try:
            proc = subprocess.Popen([LAUNCHER, report.name, str(reps), resolve(interpreter)]
                                    + argv, cwd=BENCH, env=env,
                                    stdin=subprocess.DEVNULL, stdout=out, stderr=err,
                                    start_new_session=True)
        except OSError as e:
            raise Failure(f"cannot run {LAUNCHER}: {e.strerror}")
        timer = threading.Timer(timeout, lambda: os.killpg(proc.pid, signal.SIGKILL))
        timer.start()
        try:
            proc.wait()
        finally:
            timer.cancel()
        elapsed = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
        fields = report.read().split()
    if proc.returncode != 0 or len(fields) != 3:
        if elapsed >= timeout:
            raise Failure(f"timed out after {timeout} s")
        raise Failure(f"launcher failed (status {proc.returncode}): "
                      + stderr.decode("utf-8", "replace").strip()[-120:])
    secs, peak, rc = float(fields[0]), int(fields[1]), int(fields[2])
    if rc != 0:
        what = (f"killed by {signal.Signals(-rc).name}" if rc < 0 else f"exit status {rc}")
        tail = stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        raise Failure(f"{what}: {tail[0][:120]}")
    return secs, peak, stdout


def sample(interpreter, name, timeout):
    """One measurement of one benchmark; startup is STARTUP_REPS runs of `-c pass`, back to
    back from the launcher (so the figure is the interpreters' own start-up and exit, not
    this script's process spawning)."""
    if name != "startup":
        return run_once(interpreter, [name + ".py"], timeout)
    return run_once(interpreter, ["-c", "pass"], timeout, reps=STARTUP_REPS)


def measure(name, krait, python, runs, timeout, warmup=1):
    """Alternate krait and python3.11 runs; return the row, or raise Failure.  The first
    `warmup` runs of each are not timed (they fill the .pyc caches: imports compiles the
    standard modules on a cold cache, and Krait's cache files are shared by every build
    with the same cache tag)."""
    times = {krait: [], python: []}
    rss = {krait: [], python: []}
    expected = None
    for _ in range(warmup if name != "startup" else 0):
        for interp in (python, krait):
            try:
                sample(interp, name, timeout)
            except Failure as e:
                raise Failure(f"{'krait' if interp == krait else 'python3.11'}: {e}")
    for _ in range(runs):
        for interp in (python, krait):
            try:
                secs, peak, out = sample(interp, name, timeout)
            except Failure as e:
                who = "krait" if interp == krait else "python3.11"
                raise Failure(f"{who}: {e}")
            if interp == python:
                expected = out if expected is None else expected
            elif out != expected:
                got = out.decode("utf-8", "replace").strip()[:60]
                want = expected.decode("utf-8", "replace").strip()[:60]
                raise Failure(f"checksum mismatch: krait printed {got!r}, expected {want!r}")
            times[interp].append(secs)
            rss[interp].append(peak)
    tk, tp = statistics.median(times[krait]), statistics.median(times[python])
    mk, mp = max(rss[krait]), max(rss[python])
    return {"name": name, "krait": tk, "python": tp, "ratio": tk / tp,
            "rss_krait": mk, "rss_python": mp, "rss_ratio": mk / mp if mp else float("nan")}


def machine():
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    try:
        commit = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=ROOT,
                                capture_output=True, text=True).stdout.strip() or "unknown"
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"],
                               cwd=ROOT, capture_output=True, text=True).stdout.strip()
        commit += " (with uncommitted changes)" if dirty else ""
    except OSError:
        commit = "unknown"
    return platform.machine(), os.cpu_count(), cpu, commit


def write_results(path, rows, failures, args, geomean, loads):
    arch, ncpu, cpu, commit = machine()
    lines = [
        "# Benchmark results: Krait vs python3.11",
        "",
        f"- date: {datetime.datetime.now().strftime('%Y-%m-%d %H:%M')}",
        f"- machine: {arch}, {ncpu} CPUs, {cpu}",
        f"- commit: {commit}",
        "- load average (1 min) at start / end of the run: "
        f"{loads[0]:.1f} / {loads[1]:.1f} (ratios of a loaded machine move by ±10-20 %)",
        f"- krait: `{args.krait}`; python: `{args.python}`; {args.runs} alternating runs each "
        f"after {args.warmup} untimed warm-up run(s), medians; startup = {STARTUP_REPS} × `-c pass`",
        "- ratio = Krait time / python3.11 time (below 1.00 means Krait is faster); "
        "RSS = peak resident set size",
        "",
        "| benchmark | krait (s) | python3.11 (s) | time ratio | krait RSS (MiB) | "
        "python RSS (MiB) | RSS ratio |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        lines.append(f"| {r['name']} | {r['krait']:.3f} | {r['python']:.3f} | {r['ratio']:.2f} | "
                     f"{r['rss_krait'] / 1024:.1f} | {r['rss_python'] / 1024:.1f} | "
                     f"{r['rss_ratio']:.2f} |")
    for name, why in failures:
        lines.append(f"| {name} | FAILED | | | | | |")
    lines += ["", f"Geometric mean of time ratios over {len(rows)} benchmarks: "
              + (f"**{geomean:.3f}**" if rows else "n/a (nothing ran successfully)")]
    if failures:
        lines += ["", "## Failures", ""] + [f"- **{n}**: {why}" for n, why in failures]
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


def main():
    ap = argparse.ArgumentParser(description="Benchmark Krait against python3.11.")
    ap.add_argument("--krait", default=os.path.join(ROOT, "build", "krait"))
    ap.add_argument("--python", default=ORACLE)
    ap.add_argument("--runs", type=int, default=5, help="runs per interpreter (default 5)")
    ap.add_argument("--only", action="append", default=[],
                    help="benchmark name (repeat or comma-separate)")
    ap.add_argument("--timeout", type=float, default=TIMEOUT)
    ap.add_argument("--warmup", type=int, default=1,
                    help="untimed runs of each interpreter before the timed ones (default 1)")
    ap.add_argument("--output", default=None,
                    help="results file (default bench/RESULTS.md for a whole-suite run against "
                         "python3.11; partial or A/B runs go to a temporary file)")
    args = ap.parse_args()
    if args.output is None:
        # only a complete run against the oracle may replace the published table
        full = not args.only and args.python == ap.get_default("python")
        args.output = (os.path.join(BENCH, "RESULTS.md") if full else
                       os.path.join(tempfile.gettempdir(), "krait-bench-results.md"))
    global LAUNCHER
    LAUNCHER = launcher()
    args.krait = os.path.abspath(args.krait) if os.sep in args.krait else args.krait
    names = programs()
    if args.only:
        wanted = [n.removesuffix(".py") for o in args.only for n in o.split(",") if n]
        unknown = [n for n in wanted if n not in names]
        if unknown:
            sys.exit(f"bench: unknown benchmark(s): {', '.join(unknown)}; have: {' '.join(names)}")
        names = wanted
    rows, failures = [], []
    load_start = os.getloadavg()[0]
    print(f"{'benchmark':<20}{'krait':>10}{'python':>10}{'ratio':>8}{'RSS ratio':>11}")
    for name in names:
        try:
            r = measure(name, args.krait, args.python, max(1, args.runs), args.timeout,
                        max(0, args.warmup))
        except Failure as e:
            failures.append((name, str(e)))
            print(f"{name:<20}FAILED: {e}", flush=True)
            continue
        rows.append(r)
        print(f"{name:<20}{r['krait']:>9.3f}s{r['python']:>9.3f}s{r['ratio']:>8.2f}"
              f"{r['rss_ratio']:>11.2f}", flush=True)
    geomean = math.exp(sum(math.log(r["ratio"]) for r in rows) / len(rows)) if rows else None
    write_results(args.output, rows, failures, args, geomean,
                  (load_start, os.getloadavg()[0]))
    summary = f"geometric mean time ratio {geomean:.3f}" if rows else "no successful runs"
    print(f"{summary}; {len(rows)} measured, {len(failures)} failed; wrote "
          f"{os.path.relpath(args.output, ROOT)}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
