# _thread.interrupt_main(signum) simulates the signal arriving (PyErr_SetInterruptEx):
# nothing when the handler is SIG_IGN/SIG_DFL, the Python handler otherwise, for any
# signal number; out-of-range numbers raise ValueError.  Also from a worker thread.
import _thread
import signal
import threading
import time

# default handler: KeyboardInterrupt in the main thread, even inside a sleep
try:
    _thread.interrupt_main()
    time.sleep(2)
    print("not interrupted")
except KeyboardInterrupt:
    print("KeyboardInterrupt from interrupt_main()")

signal.signal(signal.SIGINT, signal.SIG_IGN)
_thread.interrupt_main()
signal.signal(signal.SIGINT, signal.SIG_DFL)
_thread.interrupt_main()
time.sleep(0.05)
print("SIG_IGN / SIG_DFL: nothing happened")

got = []
signal.signal(signal.SIGUSR1, lambda s, f: got.append(("usr1", threading.current_thread().name)))
_thread.interrupt_main(signal.SIGUSR1)
time.sleep(0.05)
print(got)

# from a worker: the handler still runs in the main thread
signal.signal(signal.SIGINT, lambda s, f: got.append(("int", threading.current_thread().name)))
t = threading.Thread(target=_thread.interrupt_main, name="worker")
t.start()
t.join()
time.sleep(0.05)
print(got)

# a raised exception from the handler interrupts a busy loop
def boom(s, f):
    raise RuntimeError("from handler %d" % s)
signal.signal(signal.SIGUSR2, boom)
t = threading.Thread(target=lambda: (time.sleep(0.05), _thread.interrupt_main(signal.SIGUSR2)))
t.start()
try:
    while True:
        pass
except RuntimeError as e:
    print("busy loop:", e.args[0] == "from handler %d" % signal.SIGUSR2)
t.join()

for bad in (0, -1, signal.NSIG, 1000):
    try:
        _thread.interrupt_main(bad)
    except ValueError as e:
        print(bad if bad < signal.NSIG else "NSIG+", e)
signal.signal(signal.SIGINT, signal.default_int_handler)
try:
    _thread.interrupt_main(signum=signal.SIGINT)
except TypeError as e:
    print(e)
try:
    _thread.interrupt_main(signal.SIGINT)
    time.sleep(2)
except KeyboardInterrupt:
    print("KeyboardInterrupt again")
