"""memory_lsan.py — leak census: run every selected test under an ASan krait with
detect_leaks=1, one LSan log per test (log_path, so subprocesses count too), then group the
leaked blocks by allocation stack (allocator frames skipped) and print a table, biggest first.

Usage: /usr/bin/python3.11 tools/memory_lsan.py ASAN_KRAIT OUTDIR [SELECTOR...]
  OUTDIR is emptied first.  Tests with a .nosanitizer side file are skipped, as by
  runtests.py --sanitizer.  Accepted leaks are suppressed through tools/lsan.supp (the same
  file the Makefile's test-asan passes in LSAN_OPTIONS).
Written by the memory helper (session 2), kept by leaks.
"""
import sys, os, re, collections, concurrent.futures, glob, shutil
TOOLS = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, TOOLS)
import runtests
krait = sys.argv[1]
outdir = sys.argv[2]
sel = sys.argv[3:]
os.makedirs(outdir, exist_ok=True)
for f in glob.glob(outdir + "/*"):
    os.remove(f)
tests = runtests.select(sel)
orig_env = runtests.Test.env
def one(t):
    if os.path.exists(os.path.join(t.dir, t.name + ".nosanitizer")):
        return
    def env(self):
        e = orig_env(self)
        e["ASAN_OPTIONS"] = ("detect_leaks=1:allocator_may_return_null=1:abort_on_error=0:"
                             f"log_path={outdir}/{t.area}__{t.name}:fast_unwind_on_malloc=0")
        e["LSAN_OPTIONS"] = f"suppressions={TOOLS}/lsan.supp:print_suppressions=0"
        e["UBSAN_OPTIONS"] = f"print_stacktrace=1:log_path={outdir}/{t.area}__{t.name}.ub"
        return e
    t.env = env.__get__(t)
    runtests.run(t, krait, 120)
with concurrent.futures.ThreadPoolExecutor(2) as p:
    list(p.map(one, tests))
# parse
hdr = re.compile(r"^(Direct|Indirect) leak of (\d+) byte\(s\) in (\d+) object\(s\) allocated from:")
frame = re.compile(r"^\s+#\d+ 0x[0-9a-f]+ in (\S+) (\S+)")
stacks = collections.Counter(); nbytes = collections.Counter(); tests_by = collections.defaultdict(set)
pertest = collections.Counter()
for f in sorted(glob.glob(outdir + "/*")):
    test = os.path.basename(f).split(".")[0]
    lines = open(f, errors="replace").read().splitlines()
    i = 0
    while i < len(lines):
        m = hdr.match(lines[i])
        if m:
            kind, b, n = m.group(1), int(m.group(2)), int(m.group(3))
            fr = []
            i += 1
            while i < len(lines) and frame.match(lines[i]):
                fn, loc = frame.match(lines[i]).groups()
                fr.append((fn, loc.split("/")[-1]))
                i += 1
            skip = ("malloc", "calloc", "realloc", "__interceptor", "PyObject_Malloc", "PyMem_", "_PyObject_GC_", "gc_alloc", "PyObject_GC_", "PyObject_Calloc", "PyObject_Realloc", "_PyObject_New", "PyType_GenericAlloc","_PyType_AllocNoTrack","PyObject_Init", "raw_malloc", "pymalloc", "PyObject_Free")
            key = [f"{fn} {loc}" for fn, loc in fr if not fn.startswith(skip)][:4]
            k = (kind, " <- ".join(key))
            stacks[k] += n; nbytes[k] += b; tests_by[k].add(test); pertest[test] += n
        else:
            i += 1
print(f"tests with leaks: {len(pertest)} / {len(tests)}; blocks {sum(stacks.values())}, bytes {sum(nbytes.values())}")
for k, n in stacks.most_common():
    print(f"{n:6d} blk {nbytes[k]:8d} B {len(tests_by[k]):4d} tests  {k[0]}: {k[1]}   e.g. {sorted(tests_by[k])[:3]}")
