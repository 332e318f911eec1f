# faulthandler: dump_traceback (one/all threads, escapes, depth cut), register/unregister
# (+chain), dump_traceback_later (cancel, repeat, exit), the fatal-signal report in a child.
import faulthandler, os, re, signal, subprocess, sys, tempfile, threading, time

def norm(text):
    return re.sub(r"0x[0-9a-f]{16}", "0xTHREAD", text)

def dump(func, *args, **kw):
    with tempfile.TemporaryFile("w+") as f:
        func(*args, file=f, **kw)
        f.seek(0)
        return norm(f.read())

def inner():
    return dump(faulthandler.dump_traceback, all_threads=False)
def outer():
    return inner()
print(outer(), end="")

ev = threading.Event()
def waiter():
    ev.wait()
t = threading.Thread(target=waiter)
t.start()
print(dump(faulthandler.dump_traceback), end="")
ev.set(); t.join()

def λ_ünicode():
    return dump(faulthandler.dump_traceback, all_threads=False)
print(λ_ünicode(), end="")
def deep(n):
    return deep(n - 1) if n else dump(faulthandler.dump_traceback, all_threads=False)
out = deep(150)
print(out.count("\n"), out.splitlines()[-1], out.splitlines()[1])

for bad in (-1, None):
    try:
        if bad is None:
            saved, sys.stderr = sys.stderr, None
            try:
                faulthandler.dump_traceback()
            finally:
                sys.stderr = saved
        else:
            faulthandler.dump_traceback(file=bad)
    except Exception as e:
        print(type(e).__name__, e)

# register / unregister
print(faulthandler.unregister(signal.SIGUSR1))
with tempfile.TemporaryFile("w+") as f:
    faulthandler.register(signal.SIGUSR1, file=f, all_threads=False)
    def handler_frame():
        os.kill(os.getpid(), signal.SIGUSR1)
    handler_frame()
    print(faulthandler.unregister(signal.SIGUSR1), faulthandler.unregister(signal.SIGUSR1))
    f.seek(0); print(norm(f.read()), end="")
got = []
signal.signal(signal.SIGUSR2, lambda *a: got.append("python handler"))
with tempfile.TemporaryFile("w+") as f:
    faulthandler.register(signal.SIGUSR2, file=f, chain=True)
    os.kill(os.getpid(), signal.SIGUSR2)
    time.sleep(0.05)
    faulthandler.unregister(signal.SIGUSR2)
    f.seek(0); print(norm(f.read()), end="")
print(got)
for sig in (signal.SIGSEGV, 0, 1000):
    try:
        faulthandler.register(sig)
    except Exception as e:
        print(type(e).__name__, e)

# dump_traceback_later
with tempfile.TemporaryFile("w+") as f:
    faulthandler.dump_traceback_later(0.1, file=f)
    def sleeper():
        time.sleep(0.5)
    sleeper()
    faulthandler.dump_traceback_later(0.5, file=f)
    faulthandler.cancel_dump_traceback_later()
    time.sleep(0.7)
    faulthandler.cancel_dump_traceback_later()
    f.seek(0); print(f.read().count("Timeout"))
    f.seek(0); print(norm(f.read()), end="")
with tempfile.TemporaryFile("w+") as f:
    faulthandler.dump_traceback_later(0.05, repeat=True, file=f)
    time.sleep(0.33)
    faulthandler.cancel_dump_traceback_later()
    f.seek(0); n = f.read().count("Timeout (0:00:00.050000)!"); print(n >= 2)
for bad in (0, -1, 1e100, float("nan")):
    try:
        faulthandler.dump_traceback_later(bad)
    except Exception as e:
        print(type(e).__name__, e)

# fatal signals in a child.  A sanitizer build must leave fatal signals to faulthandler
# (and to the default action), as a normal build does: ASan options for the child.
CHILD_ENV = dict(os.environ)
CHILD_ENV["ASAN_OPTIONS"] = ":".join(filter(None, [
    os.environ.get("ASAN_OPTIONS"), "handle_segv=0", "handle_abort=0", "handle_sigfpe=0",
    "handle_sigbus=0", "handle_sigill=0"]))
def child(code, *opts, env=CHILD_ENV):
    p = subprocess.run([sys.executable, *opts, "-c", code], capture_output=True, text=True,
                       env=env)
    print("rc", p.returncode)
    print(norm(p.stdout + p.stderr), end="")
child("import faulthandler\nfaulthandler.enable()\ndef f():\n    faulthandler._sigsegv()\nf()")
child("import faulthandler\nfaulthandler.enable(all_threads=False)\nfaulthandler._read_null()")
child("import faulthandler\nfaulthandler.enable()\nfaulthandler._sigfpe()")
child("import faulthandler\nfaulthandler.enable()\nfaulthandler._sigabrt()")
child("import faulthandler\nfaulthandler.enable()\nfaulthandler.disable()\nfaulthandler._sigsegv()")
child("import faulthandler, time\nfaulthandler.dump_traceback_later(0.1, exit=True)\ntime.sleep(5)")
child("import faulthandler\nfaulthandler.enable()\nfaulthandler._stack_overflow()")
print(faulthandler.is_enabled())

# enabled at start-up by -X faulthandler, -X dev or PYTHONFAULTHANDLER (not under -E)
code = "import faulthandler; print(faulthandler.is_enabled())"
child(code, "-X", "faulthandler")
child(code, "-X", "dev")
child(code, env=dict(CHILD_ENV, PYTHONFAULTHANDLER="1"))
child(code, "-E", env=dict(CHILD_ENV, PYTHONFAULTHANDLER="1"))
child(code, env=dict(CHILD_ENV, PYTHONFAULTHANDLER=""))
