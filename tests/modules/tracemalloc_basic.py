# _tracemalloc surface used by tracemalloc.py and warnings (no allocation statistics printed:
# Krait does not trace allocations yet)
import tracemalloc, warnings
print(tracemalloc.is_tracing(), tracemalloc.get_traceback_limit())
tracemalloc.start(5)
print(tracemalloc.is_tracing(), tracemalloc.get_traceback_limit())
print(type(tracemalloc.get_traced_memory()), len(tracemalloc.get_traced_memory()))
snap = tracemalloc.take_snapshot()
print(type(snap).__name__, snap.traceback_limit)
tracemalloc.reset_peak()
tracemalloc.clear_traces()
try:
    tracemalloc.start(0)
except ValueError as e:
    print("ValueError:", e)
tracemalloc.stop()
print(tracemalloc.is_tracing(), tracemalloc.get_object_traceback(object()))
try:
    tracemalloc.take_snapshot()
except RuntimeError as e:
    print("RuntimeError:", e)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    warnings.warn("careful", UserWarning)
print(w[0].message, w[0].category.__name__)
print(warnings.formatwarning("msg", UserWarning, "f.py", 3).strip())
