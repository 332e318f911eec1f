# open(): buffering argument -> line_buffering / write_through / buffer types.
import os
base = "/tmp/krait_io_open_buffering_%d" % os.getpid()
os.mkdir(base)
p = base + "/a.txt"
try:
    for kw in ({}, {"buffering": 1}, {"buffering": 4096}, {"buffering": -1}):
        with open(p, "w", encoding="utf-8", **kw) as f:
            print(kw, f.line_buffering, f.write_through, type(f.buffer).__name__,
                  type(f.buffer.raw).__name__)
            f.write("one\ntwo")
            with open(p, encoding="utf-8") as g:
                print(" visible before close:", repr(g.read()))
    with open(p, encoding="utf-8") as f:
        print(repr(f.read()))
    with open(p, "rb", buffering=0) as f:
        print(type(f).__name__, f.read())
    with open(p, "r+b") as f:
        print(type(f).__name__, f.read(3))
    try:
        open(p, "w", buffering=0)
    except ValueError as e:
        print("ValueError", e)
    import warnings
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        with open(p, "rb", buffering=1) as f:
            print(type(f).__name__, f.read())
        print([str(x.message) for x in w], [x.category.__name__ for x in w])
finally:
    os.remove(p)
    os.rmdir(base)
