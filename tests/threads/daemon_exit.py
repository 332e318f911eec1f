# At exit: non-daemon threads are joined (threading._shutdown), daemon threads are
# abandoned without touching freed state; atexit still runs and output is flushed.
import atexit
import threading
import time

atexit.register(print, "atexit ran")

def slow():
    time.sleep(0.2)
    print("non-daemon finished")

def forever():
    while True:
        time.sleep(0.001)

threading.Thread(target=slow).start()
threading.Thread(target=forever, daemon=True).start()
print("main done")
