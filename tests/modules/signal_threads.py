import signal, threading, os, time
got = []
def h(sig, frame):
    got.append((sig, frame is not None))
old = signal.signal(signal.SIGUSR1, h)
print(old)
os.kill(os.getpid(), signal.SIGUSR1)
for i in range(1000):
    if got: break
print(got)
signal.raise_signal(signal.SIGUSR1)
print(len(got))
def boom(sig, frame):
    raise RuntimeError("from handler")
signal.signal(signal.SIGUSR2, boom)
try:
    os.kill(os.getpid(), signal.SIGUSR2)
    for i in range(100000): pass
except RuntimeError as e:
    print("caught", e)
errs = []
def worker():
    try:
        signal.signal(signal.SIGUSR1, signal.SIG_DFL)
    except ValueError as e:
        errs.append(str(e))
    try:
        signal.set_wakeup_fd(-1)
    except ValueError as e:
        errs.append(str(e))
t = threading.Thread(target=worker); t.start(); t.join()
print(errs)
# handler runs in the main thread even when the signal is sent from a worker
where = []
signal.signal(signal.SIGUSR1, lambda s, f: where.append(threading.current_thread() is threading.main_thread()))
t = threading.Thread(target=lambda: os.kill(os.getpid(), signal.SIGUSR1)); t.start(); t.join()
time.sleep(0.01)
print(where)
signal.signal(signal.SIGALRM, lambda s, f: where.append("alarm"))
signal.setitimer(signal.ITIMER_REAL, 0.02)
time.sleep(0.2)
print(where)
