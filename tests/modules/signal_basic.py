import signal, os
print(signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM), signal.SIGTERM, signal.Signals.SIGINT)
hits = []
old = signal.signal(signal.SIGUSR1, lambda s, f: hits.append(s))
print(old)
signal.raise_signal(signal.SIGUSR1)
print(hits, signal.getsignal(signal.SIGUSR1) is not None)
os.kill(os.getpid(), signal.SIGUSR1)
for i in range(100): pass
print(hits)
print(signal.strsignal(signal.SIGTERM), signal.strsignal(99) if False else '', len(signal.valid_signals()) > 30)
print(sorted(signal.pthread_sigmask(signal.SIG_BLOCK, [])) == [], signal.alarm(0))
try: signal.signal(999, signal.SIG_DFL)
except ValueError as e: print(e)
try: signal.signal(signal.SIGUSR1, 5)
except TypeError as e: print(e)
try: signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt: print("KI")
