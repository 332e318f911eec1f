# tracemalloc traces real allocations: traced memory, object tracebacks (filename, line,
# frame order), snapshots grouped by line, clear_traces, reset_peak, stop.  Sizes differ
# between interpreters, so only relations are printed.
import os
import tracemalloc

print(tracemalloc.is_tracing(), tracemalloc.get_traced_memory())
print(tracemalloc.get_object_traceback([]))


def make(n):
    return bytearray(n)


def outer():
    return make(200000)


tracemalloc.start(4)
print(tracemalloc.is_tracing(), tracemalloc.get_traceback_limit())
cur0, peak0 = tracemalloc.get_traced_memory()
data = outer()
cur1, peak1 = tracemalloc.get_traced_memory()
print(cur1 - cur0 >= 200000, peak1 >= cur1)

tb = tracemalloc.get_object_traceback(data)
print(len(tb), tb.total_nframe)
print([(os.path.basename(f.filename), f.lineno) for f in tb])
print(tb[-1].lineno, tb[0].lineno)
lst = [object() for _ in range(10)]
print(tracemalloc.get_object_traceback(lst[3])[-1].lineno)

snap = tracemalloc.take_snapshot()
top = snap.statistics("lineno")[0]
print(top.traceback[0].lineno, top.size >= 200000, top.count >= 1)
by_file = snap.filter_traces([tracemalloc.Filter(True, __file__)]).statistics("filename")
print(len(by_file), os.path.basename(by_file[0].traceback[0].filename))

cur2, peak2 = tracemalloc.get_traced_memory()
del data
cur3, peak3 = tracemalloc.get_traced_memory()
print(cur3 < cur2, peak3 == peak2)
tracemalloc.reset_peak()
print(tracemalloc.get_traced_memory()[1] < peak3)
tracemalloc.clear_traces()
print(tracemalloc.get_object_traceback(lst[3]))
print(tracemalloc.get_tracemalloc_memory() > 0)
tracemalloc.stop()
print(tracemalloc.is_tracing(), tracemalloc.get_traced_memory())
try:
    tracemalloc.start(0)
except ValueError as e:
    print(e)
try:
    tracemalloc.take_snapshot()
except RuntimeError as e:
    print(e)
