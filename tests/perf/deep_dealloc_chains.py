# Fixes in perf-owned object files (session 2 requests): deallocating a million nested
# dicts, method-wrapper and builtin-method chains goes through the trashcan instead of
# overflowing the C stack; classmethod_descriptor has no __reduce__ (cannot be pickled);
# PyUnicode_FromWideChar rejects code points past U+10FFFF (array 'u').
import array
import pickle

d = {}
for i in range(1000000):
    d = {1: d}
del d
f = lambda: None
for i in range(1000000):
    f = f.__call__
f = None
m = [].append
for i in range(300000):
    m = m.__call__
m = None
print("chains freed")

for obj in (dict.__dict__["fromkeys"], str.__dict__["upper"], int.__dict__["__add__"]):
    try:
        print(type(obj).__name__, len(pickle.dumps(obj)) > 0)
    except TypeError as e:
        print(type(obj).__name__, "TypeError:", e)
print("__reduce__" in type(dict.__dict__["fromkeys"]).__dict__)
try:
    print(array.array("u", b"\xff\xff\xff\xff").tounicode())
except ValueError as e:
    print("ValueError:", e)
print(array.array("u", "ok\U0001f600").tounicode())
