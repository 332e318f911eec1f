import signal, os
print(signal.SIGINT, repr(signal.SIGTERM), signal.Signals(2).name, signal.getsignal(signal.SIGINT) is signal.default_int_handler)
got = []
old = signal.signal(signal.SIGUSR1, lambda n, f: got.append(n))
os.kill(os.getpid(), signal.SIGUSR1); print(got, old)
signal.raise_signal(signal.SIGUSR1); print(got)
signal.signal(signal.SIGUSR1, signal.SIG_IGN); signal.raise_signal(signal.SIGUSR1); print(got, signal.getsignal(signal.SIGUSR1))
print(signal.strsignal(signal.SIGTERM), signal.SIGKILL in signal.valid_signals(), signal.SIG_DFL, signal.Handlers.SIG_IGN)
try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt:
    print("KeyboardInterrupt")
try:
    signal.signal(signal.SIGKILL, signal.SIG_IGN)
except OSError as e:
    print(e)
def alarm(n, f): raise TimeoutError("alarm")
signal.signal(signal.SIGALRM, alarm); signal.setitimer(signal.ITIMER_REAL, 0.05)
import time
try:
    time.sleep(2); print("no alarm")
except TimeoutError as e:
    print(e)
