# A real SIGINT (pthread_kill to the main thread, from a worker) raises KeyboardInterrupt
# in the main thread inside a lock wait and inside a busy loop; Python-level signal
# handlers run in the main thread.
import signal
import threading

main_ident = threading.main_thread().ident

def send_later(sig):
    def run():
        threading.Event().wait(0.1)   # a lock wait: releases the GIL
        signal.pthread_kill(main_ident, sig)
    t = threading.Thread(target=run)
    t.start()
    return t

lock = threading.Lock()
lock.acquire()
t = send_later(signal.SIGINT)
try:
    lock.acquire()
except KeyboardInterrupt:
    print("KeyboardInterrupt in lock wait")
t.join()

t = send_later(signal.SIGINT)
n = 0
try:
    while True:
        n += 1
except KeyboardInterrupt:
    print("KeyboardInterrupt in busy loop", n > 0)
t.join()

got = []
signal.signal(signal.SIGUSR1, lambda s, f: got.append((s == signal.SIGUSR1, threading.current_thread().name)))
t = send_later(signal.SIGUSR1)
while not got:
    pass
t.join()
print(got)
