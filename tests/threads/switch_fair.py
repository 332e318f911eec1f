# Two CPU-bound threads both make progress (the GIL is handed over on request), and
# sys.setswitchinterval is honoured.
import sys
import threading
import time

print(sys.getswitchinterval())
sys.setswitchinterval(0.001)
print(sys.getswitchinterval())
try:
    sys.setswitchinterval(0)
except ValueError as e:
    print("ValueError:", e)
sys.setswitchinterval(0.005)

counts = [0, 0]
stop = threading.Event()
def spin(k):
    n = 0
    while not stop.is_set():
        n += 1
        counts[k] = n
a = threading.Thread(target=spin, args=(0,))
b = threading.Thread(target=spin, args=(1,))
a.start(); b.start()
deadline = time.monotonic() + 5
# main thread busy-waits too: all three compete for the GIL
while (counts[0] < 1000 or counts[1] < 1000) and time.monotonic() < deadline:
    pass
stop.set()
a.join(); b.join()
print("both progressed:", counts[0] >= 1000 and counts[1] >= 1000)
