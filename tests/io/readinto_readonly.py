# readinto/readinto1 of the _io classes refuse read-only and non-buffer arguments with
# TypeError (as CPython's 'w*'); pickling an _io object says "cannot pickle '...' object".
import io, pickle, sys, _pyio
for obj, meths in [(io.FileIO('/dev/null'), ["readinto"]), (io.BytesIO(b"abc"), ["readinto", "readinto1"]),
                   (io.BufferedReader(io.BytesIO(b"abc")), ["readinto", "readinto1"]),
                   (io.BufferedRandom(io.BytesIO(b"abc")), ["readinto", "readinto1"])]:
    for m in meths:
        for b in (b"", memoryview(b"ab"), bytearray(2), "x", None, 5):
            try:
                print(type(obj).__name__, m, getattr(obj, m)(b))
            except Exception as e:
                print(type(obj).__name__, m, type(e).__name__, e)
for obj in (sys.stdout, io.FileIO('/dev/null'), io.BufferedReader(io.BytesIO())):
    try:
        pickle.dumps(obj)
    except TypeError as e:
        print("TypeError", e)
