# PyErr_WriteUnraisable goes through sys.unraisablehook (objects-num: errors.c):
# the hook's argument, a failing hook, a None hook, and the default writer's format.
import gc, io, sys

class C:
    def __del__(self):
        raise KeyError("in del")

def hook(u):
    print("hook:", type(u).__name__, len(u), u.exc_type.__name__, repr(u.exc_value),
          u.err_msg, u.object.__qualname__, type(u.exc_traceback).__name__)
    print("fields:", [f for f in ("exc_type", "exc_value", "exc_traceback", "err_msg", "object")
                      if hasattr(u, f)])

sys.unraisablehook = hook
c = C()
del c

def run_capturing(f):
    old, sys.stderr = sys.stderr, io.StringIO()
    try:
        f()
    finally:
        out, sys.stderr = sys.stderr.getvalue(), old
    for line in out.splitlines():
        print("|", line.split(" at 0x")[0])

# A hook that raises: its own error is reported by the default writer.
def bad_hook(u):
    raise RuntimeError("hook failed")
sys.unraisablehook = bad_hook
def drop():
    c = C()
    del c
run_capturing(drop)

# No hook (None): the default writer; a chained exception prints only the last one.
class D:
    def __del__(self):
        try:
            1 / 0
        except ZeroDivisionError:
            raise ValueError("chained")
sys.unraisablehook = None
def drop_d():
    d = D()
    del d
run_capturing(drop_d)

# An exception class from another module shows module.qualname.
class Outer:
    class Inner(Exception):
        pass
Outer.Inner.__module__ = "pkg.mod"
class E:
    def __del__(self):
        raise Outer.Inner("nested")
sys.unraisablehook = sys.__unraisablehook__
def drop_e():
    e = E()
    del e
run_capturing(drop_e)

print("done")
