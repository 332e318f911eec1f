# threading.local (_thread._local): per-thread attributes, subclass __init__ per thread.
import threading

data = threading.local()
data.value = "main"
seen = {}
lock = threading.Lock()

def worker(n):
    print_ok = not hasattr(data, "value")
    data.value = n
    data.items = [n] * n
    with lock:
        seen[n] = (print_ok, data.value, len(data.items))

ts = [threading.Thread(target=worker, args=(i,)) for i in range(5)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(seen.items()))
print(data.value, hasattr(data, "items"))
print(sorted(data.__dict__))

class MyLocal(threading.local):
    initial = "class attr"
    def __init__(self, x):
        self.x = x
        self.inits = 1

loc = MyLocal(7)
out = []
def use():
    out.append((loc.x, loc.inits, loc.initial))
    loc.x = 99
t = threading.Thread(target=use)
t.start()
t.join()
print(out, loc.x)
try:
    threading.local(1)
except TypeError as e:
    print("TypeError:", e)
try:
    data.__dict__ = {}
except AttributeError as e:
    print("AttributeError:", e)
del data.value
print(hasattr(data, "value"))
