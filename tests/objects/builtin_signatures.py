# inspect.signature of C functions and methods comes from __text_signature__ (the
# "name(sig)\n--\n\n" head of their docstrings).
import inspect, types
for fn in (len, print, sorted, min, getattr, dict.get, str.split, list.append, int, range, iter, divmod,
           isinstance, repr, "".join, dict.fromkeys, object.__init__, abs, pow, round, sum, vars,
           memoryview.cast, memoryview.tobytes, object.__reduce_ex__, type.mro, int.__add__, (1).__add__):
    try:
        print(fn.__name__, inspect.signature(fn))
    except Exception as e:
        print(fn.__name__, type(e).__name__, e)
print(len.__text_signature__, dict.get.__text_signature__, str.split.__text_signature__)
print(repr(len.__doc__), repr(str.split.__doc__[:20]))
