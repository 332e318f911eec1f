# Daemon threads still inside calls when the interpreter exits: each one is in a C
# function (sorted, map/list, str.join, dict()) that holds objects only in C variables
# while a Python callback spins; they next ask for the GIL after finalization began and
# never run again.  Exit is prompt, output complete, and (under LeakSanitizer) nothing they held
# is reported as leaked.
import threading
import time

started = threading.Barrier(5)

def slow_key(x):
    if x == 3:
        started.wait()
        while True:      # spins until the interpreter goes away under it
            time.sleep(0)
    return -x

def in_sorted():
    sorted([(i, str(i)) for i in range(10)], key=lambda t: slow_key(t[0]))

def in_map():
    list(map(slow_key, [1, 2, 3, 4]))

def in_join():
    "-".join(str(slow_key(i)) for i in range(5))

def in_dict():
    dict((k, slow_key(k)) for k in range(6))

for f in (in_sorted, in_map, in_join, in_dict):
    threading.Thread(target=f, daemon=True).start()
started.wait()
print("all four daemon threads are inside their calls; main exits now")
