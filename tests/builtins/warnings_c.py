# _warnings: the C warning machinery, filters and registries.
import _warnings, sys
print(_warnings.filters)
print(_warnings._defaultaction, _warnings._onceregistry)
def f():
    _warnings.warn("hello")
    _warnings.warn("dep", DeprecationWarning)
    _warnings.warn("pend", PendingDeprecationWarning)
    _warnings.warn("rt", RuntimeWarning, 2)
for i in range(3):
    f()
_warnings.warn_explicit("explicit", UserWarning, "foo.py", 12)
_warnings.warn_explicit("explicit", UserWarning, "foo.py", 12, registry={})
try:
    _warnings.warn("x", int)
except TypeError as e:
    print(e)
_warnings.warn(UserWarning("instance"))
_warnings.filters.insert(0, ("error", None, UserWarning, None, 0))
_warnings._filters_mutated()
try:
    _warnings.warn("boom")
except UserWarning as e:
    print("raised", repr(e))
print(sorted(k for k in globals()["__warningregistry__"] if k != "version"))
