# Blocking reads release the GIL; buffered objects serialise concurrent callers.
import os, threading, io, time
r, w = os.pipe()
got = []
def reader():
    with open(r, "rb", closefd=False) as f:
        got.append(f.read(5))
t = threading.Thread(target=reader)
t.start()
# The reader is blocked in read(); this thread must still run.
n = 0
for i in range(200000):
    n += i
print("main ran while reader blocked:", n)
os.write(w, b"hello")
t.join()
print(got)
os.close(r); os.close(w)

# Many threads writing lines into one BufferedWriter over a pipe-free FileIO.
path = "/tmp/krait_io_threads_%d.bin" % os.getpid()
f = open(path, "wb", buffering=64)
def writer(k):
    for i in range(300):
        f.write(b"%d:%03d\n" % (k, i))
ts = [threading.Thread(target=writer, args=(k,)) for k in range(4)]
for t in ts: t.start()
for t in ts: t.join()
f.close()
with open(path, "rb") as f:
    lines = f.read().splitlines()
print(len(lines), sorted(lines) == sorted(b"%d:%03d" % (k, i) for k in range(4) for i in range(300)))
os.remove(path)

# Text reads shared between threads: every line is seen exactly once.
with open(path, "w", encoding="utf-8") as f:
    for i in range(2000):
        f.write("line %d\n" % i)
seen = []
with open(path, encoding="utf-8") as f:
    def consume():
        for line in f.buffer:
            seen.append(line)
    ts = [threading.Thread(target=consume) for k in range(3)]
    for t in ts: t.start()
    for t in ts: t.join()
print(len(seen), len(set(seen)))
os.remove(path)
