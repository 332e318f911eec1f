# A profiler freed while enabled (by the sys.setprofile of another one) reports the failed
# uninstall as unraisable "When destroying _lsprof profiler" without reviving itself; a
# timer returning a non-number is a TypeError from the integer conversion.
import _lsprof, sys

def hook(u):
    print("unraisable", u.exc_type.__name__, u.exc_value, u.err_msg,
          None if u.object is None else type(u.object).__name__)

sys.unraisablehook = hook
obj = _lsprof.Profiler(lambda: int)
obj.enable()
obj = _lsprof.Profiler(1)
obj.disable()
obj.clear()
sys.unraisablehook = sys.__unraisablehook__
p = _lsprof.Profiler(lambda: 2.5)
p.enable()
len("x")
p.disable()
print("done", len(p.getstats()) > 0)
