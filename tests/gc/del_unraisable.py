# An exception raised by __del__ (here during a collection) is reported through
# sys.unraisablehook, with the __del__ function as the object, and then ignored.
import gc
import sys
gc.disable()

def hook(u):
    print("hook:", u.exc_type.__name__, u.exc_value, u.err_msg, u.object.__qualname__,
          type(u.exc_traceback).__name__)
sys.unraisablehook = hook

class C:
    def __del__(self):
        raise ValueError("in del")

c = C(); c.c = c
del c
gc.collect()
print("after collect")
c = C()
del c
print("after refcount drop")

# The default hook prints "Exception ignored in: <function C.__del__ at 0x...>" and the
# traceback to stderr; the repr holds an address, so only the traceback part is checked.
import io
sys.unraisablehook = sys.__unraisablehook__
old, sys.stderr = sys.stderr, io.StringIO()
c = C(); c.c = c
del c
gc.collect()
out, sys.stderr = sys.stderr.getvalue(), old
lines = out.splitlines()
print(lines[0].split(" at 0x")[0])
print("\n".join(lines[1:]))
