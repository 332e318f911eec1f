# Struct sequence constructors: the optional second argument must be a dict (None is
# rejected too, as in CPython 3.11). From the tools/cpython_sweep.py run (test_structseq).
import os
import time

for args in [("123456789", None), ("123456789", {}), ("123", {}), ("123456789",)]:
    try:
        print(tuple(time.struct_time(*args)))
    except TypeError as e:
        print("TypeError:", e)
try:
    time.struct_time("123456789", dict=None)
except TypeError as e:
    print("TypeError:", e)
print(time.struct_time(range(9), {"tm_zone": "UTC"}).tm_zone)
print(os.terminal_size((80, 24)))
