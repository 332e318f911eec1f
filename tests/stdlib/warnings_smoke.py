import warnings, sys
def f():
    warnings.warn("careful", UserWarning)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    f(); warnings.warn("dep", DeprecationWarning); warnings.warn_explicit("expl", RuntimeWarning, "x.py", 7)
    print([(str(x.message), x.category.__name__, x.lineno) for x in w])
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        f()
    except UserWarning as e:
        print("raised", e)
with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="care")
    f()
print(warnings.formatwarning("msg", UserWarning, "file.py", 3, "code()"))
warnings.showwarning = lambda m, c, fn, ln, file=None, line=None: print("SHOW", m, c.__name__, ln)
f(); f()
warnings.simplefilter("default"); f()
