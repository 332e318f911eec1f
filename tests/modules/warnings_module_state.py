# The C warnings machinery reads warnings.filters / defaultaction / onceregistry (public
# names) and remembers the last ones seen, used once they are deleted; "ignore" returns
# before the registry is touched.
import sys, warnings

def show(*a):
    print(*a)

warnings.showwarning = lambda msg, cat, fn, ln, file=None, line=None: show("shown:", msg)
warnings.resetwarnings()
warnings.filterwarnings("ignore", category=UserWarning)
reg = {}
warnings.warn_explicit("x", UserWarning, "f", 1, registry=reg)
print(sorted(map(str, reg)))
warnings.filterwarnings("default", category=UserWarning)
warnings.warn_explicit("x", UserWarning, "f", 1, registry=reg)
print(len(reg))

saved = warnings.filters
with warnings.catch_warnings(module=warnings):
    warnings.filterwarnings("error", "", Warning, "", 0)
    try:
        warnings.warn("convert to error")
    except UserWarning as e:
        print("error:", e)
    del warnings.filters
    try:
        warnings.warn("convert to error again")
    except UserWarning as e:
        print("error after del:", e)
    warnings.filters = saved

original = warnings.defaultaction
warnings.resetwarnings()
msg = UserWarning("defaultaction test")
warnings.warn_explicit(msg, UserWarning, "<test>", 42, registry={})
del warnings.defaultaction
warnings.warn_explicit(msg, UserWarning, "<test>", 43, registry={})
warnings.defaultaction = "ignore"
warnings.warn_explicit(msg, UserWarning, "<test>", 44, registry={})
print("after ignore")
warnings.defaultaction = 42
try:
    warnings.warn_explicit(msg, UserWarning, "<test>", 45, registry={})
except TypeError as e:
    print(e)
warnings.defaultaction = original

warnings.filterwarnings("once")
saved_once = warnings.onceregistry
warnings.onceregistry = []
try:
    warnings.warn_explicit("once?", UserWarning, "<test>", 46, registry=None)
except TypeError as e:
    print(e)
warnings.onceregistry = saved_once
warnings.warn_explicit("once!", UserWarning, "<test>", 47, registry=None)
warnings.warn_explicit("once!", UserWarning, "<test>", 48, registry=None)
