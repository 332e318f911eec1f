# A real SIGINT (pthread_kill to the main thread, from a worker) raises KeyboardInterrupt
# inside time.sleep, a blocking os.read on a pipe, a timed Condition.wait and a
# queue.Queue.get; a handler that returns normally lets the interrupted call go on
# (PEP 475: the sleep and the read are retried, not cut short).
import os
import queue
import signal
import threading
import time

main_ident = threading.main_thread().ident

def send_later(sig, then=None):
    def run():
        threading.Event().wait(0.05)
        signal.pthread_kill(main_ident, sig)
        if then is not None:
            threading.Event().wait(0.05)
            then()
    t = threading.Thread(target=run)
    t.start()
    return t

def interrupted(what, call):
    t = send_later(signal.SIGINT)
    try:
        call()
        print(what, "returned")
    except KeyboardInterrupt:
        print("KeyboardInterrupt in", what)
    t.join()

interrupted("time.sleep", lambda: time.sleep(30))
r, w = os.pipe()
interrupted("os.read", lambda: os.read(r, 1))
cond = threading.Condition()
def cond_wait():
    with cond:
        cond.wait(30)
interrupted("Condition.wait", cond_wait)
interrupted("Queue.get", lambda: queue.Queue().get())

# a handler that does not raise: the read resumes and gets the byte written later
seen = []
signal.signal(signal.SIGUSR1, lambda s, f: seen.append(s))
t = send_later(signal.SIGUSR1, then=lambda: os.write(w, b"x"))
print("os.read after handler:", os.read(r, 1), seen == [signal.SIGUSR1])
t.join()
t = send_later(signal.SIGUSR1)
time.sleep(0.2)
print("sleep finished after handler:", seen == [signal.SIGUSR1] * 2)
t.join()
os.close(r)
os.close(w)
