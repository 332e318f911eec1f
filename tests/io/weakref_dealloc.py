# Weak references to _io objects die with them: every _io type clears its weakrefs in
# dealloc (FileIO did not, and a proxy then read freed memory and crashed at exit).
import _io, gc, io, os, tempfile
from weakref import proxy, ref
path = os.path.join(tempfile.mkdtemp(), "wr.bin")
makers = [lambda: _io.FileIO(path, "w"), lambda: io.BytesIO(b"abc"), lambda: io.StringIO("x"),
          lambda: open(path, "rb"), lambda: open(path, "r"), lambda: open(path, "wb"),
          lambda: io.BufferedRWPair(io.BytesIO(), io.BytesIO()), lambda: io.IOBase(),
          lambda: io.TextIOWrapper(io.BytesIO())]
class Sub(io.FileIO):
    pass
makers.append(lambda: Sub(path, "w"))
for make in makers:
    f = make()
    p = proxy(f)
    r = ref(f)
    name = type(f).__name__
    print(name, p.closed, r() is f)
    f.close()
    del f
    gc.collect()
    try:
        p.closed
        print(name, "proxy still alive")
    except ReferenceError as e:
        print(name, "ReferenceError:", e)
    print(name, r())
