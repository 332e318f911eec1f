# Two CPU-bound threads sharing the GIL: each runs a linear congruential generator and
# folds its output into a checksum.  The GIL's forced switching (every
# sys.getswitchinterval() seconds) must let both advance together: when the first one
# finishes, the other must be well under way.  Measures the cost of GIL hand-overs on
# top of plain bytecode speed.
import sys
import threading

N = 600_000
ROUNDS = 2

def work(k, n, progress, results, behind):
    x = 12345 + 977 * k
    acc = 0
    for i in range(n):
        x = (x * 1103515245 + 12345) & 0x7fffffff
        acc = (acc + (x >> (i & 7))) & 0xffffffff
        if i & 1023 == 0:
            progress[k] = i
    progress[k] = n
    behind.append(progress[1 - k] / n)   # how far the other thread got meanwhile
    results[k] = acc

def one_round(n):
    progress = [0, 0]
    results = [0, 0]
    behind = []
    ts = [threading.Thread(target=work, args=(k, n, progress, results, behind))
          for k in (0, 1)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    # the first finisher saw the other at behind[0]; fair sharing keeps it close
    return results, behind[0] >= 0.5

checksum = 0
fair = True
for r in range(ROUNDS):
    results, ok = one_round(N)
    checksum = (checksum * 31 + results[0] * 7 + results[1]) & 0xffffffffffff
    fair = fair and ok
print("switch interval:", sys.getswitchinterval())
print("checksum:", checksum)
print("both threads progressed together:", fair)
