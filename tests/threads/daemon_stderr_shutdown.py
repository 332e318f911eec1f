# A daemon thread writing to a buffered sys.stderr in a loop while the interpreter exits
# (bpo-23309): the exit must not hang on the writer's lock.  Either the final flush gets the
# lock, or -- the daemon thread stopped for good while holding it -- it gives up after a
# second with 3.11's fatal error.  Run in a child with -E (so PYTHONUNBUFFERED is ignored
# and stderr is buffered); "sys.is_finalizing() during the flush" is checked through a
# custom stdout whose flush records it.
import re, subprocess, sys

code = r"""if 1:
    import sys, threading, time
    file = sys.stderr
    def run():
        while True:
            file.write('.')
            file.flush()
    threading.Thread(target=run, daemon=True).start()
    time.sleep(0.5)
    file.write('!')
    file.flush()
"""
try:
    res = subprocess.run([sys.executable, "-E", "-c", code], capture_output=True, timeout=60)
    err = res.stderr.decode()
    if res.returncode == 0:
        ok = not err.strip(".!")
    else:
        ok = re.search(r"Fatal Python error: _enter_buffered_busy: could not acquire lock "
                       r"for <(_io\.)?BufferedWriter name='<stderr>'> at interpreter "
                       r"shutdown, possibly due to daemon threads", err) is not None
    print("exited without hanging:", True, "| outcome as 3.11 allows:", ok)
except subprocess.TimeoutExpired:
    print("exited without hanging:", False)

flush_code = r"""if 1:
    import sys
    class Out:
        def write(self, s): pass
        def flush(self):
            sys.__stderr__.write('flush sees is_finalizing=%s\n' % sys.is_finalizing())
    import atexit
    atexit.register(lambda: sys.__stderr__.write('atexit sees is_finalizing=%s\n' % sys.is_finalizing()))
    sys.stdout = Out()
"""
res = subprocess.run([sys.executable, "-E", "-c", flush_code], capture_output=True, timeout=60)
print(res.returncode, sorted(set(res.stderr.decode().splitlines())))
