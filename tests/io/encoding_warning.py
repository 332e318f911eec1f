# Under -X warn_default_encoding, text I/O without an explicit encoding warns (EncodingWarning).
import io, os, warnings
p = "/tmp/krait_io_encoding_warning_%d.txt" % os.getpid()
with open(p, "w") as f:                       # warns (TextIOWrapper, caller's line)
    f.write("x")
with open(p, "w", encoding="utf-8") as f:     # no warning
    pass
with open(p, "rb") as f:                      # binary: no warning
    pass
print(io.text_encoding(None))                 # stacklevel 2 from module level: sys:1
def g():
    return io.text_encoding(None)
print(g())
print(io.text_encoding("latin-1"), io.text_encoding(None, 1))
io.TextIOWrapper(io.BytesIO())
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    open(p, encoding=None).close()
    io.TextIOWrapper(io.BytesIO(), encoding="locale")
    print([(x.category.__name__, str(x.message), x.lineno) for x in w])
with warnings.catch_warnings():
    warnings.simplefilter("error", EncodingWarning)
    try:
        open(p)
    except EncodingWarning as e:
        print("raised:", e)
os.remove(p)
