# PyUnicode_FSDecoder (compile()'s filename): str, bytes and PathLike are accepted; other
# buffer objects still are in 3.11, with a DeprecationWarning; anything else is a TypeError.
import warnings, pathlib

for name in ["f.py", b"g.py", pathlib.PurePosixPath("h.py"), bytearray(b"i.py"),
             memoryview(b"j.py"), ["k.py"], 3, b"a\0b", "a\0b"]:
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            print(repr(compile("pass", name, "exec").co_filename), end=" ")
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e, end=" ")
    print([(x.category.__name__, str(x.message)) for x in w])
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        compile("pass", bytearray(b"e.py"), "exec")
    except DeprecationWarning as e:
        print("DeprecationWarning", e)
