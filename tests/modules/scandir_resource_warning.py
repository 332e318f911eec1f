# os.scandir iterators dropped while still open emit ResourceWarning (exhausted/closed ones don't).
import os, tempfile, warnings, gc
d = tempfile.mkdtemp()
for n in ("a", "b", "c"):
    open(os.path.join(d, n), "w").close()
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    it = os.scandir(d); next(it); del it; gc.collect()
    print([str(x.message).split(" ")[:3] for x in w], [x.category.__name__ for x in w])
    w.clear()
    it = os.scandir(d); list(it); del it
    it = os.scandir(d); next(it); it.close(); del it
    with os.scandir(d) as it:
        next(it)
    del it
    it = os.scandir(d); del it    # never started: still open -> warns
    print([x.category.__name__ for x in w])
