# A decode error handler that replaces exc.object: decoding must resume in the new object
# (it used to loop forever on the old input when the handler returned position 0).
# Found by tools/cpython_sweep.py (test_codeccallbacks.test_mutating_decode_handler hung).
import codecs

def replacing(exc):
    if isinstance(exc, UnicodeDecodeError):
        exc.object = 42
        return ("\u4242", 0)
    raise TypeError("don't know how to handle %r" % exc)

def mutating(exc):
    if isinstance(exc, UnicodeDecodeError):
        exc.object = b""
        return ("\u4242", 0)
    raise TypeError("don't know how to handle %r" % exc)

def shorter(exc):
    # Replace the bad byte and everything after it by b"ok", resume at its start.
    exc.object = exc.object[:exc.start] + b"ok"
    return ("<", exc.start)

codecs.register_error("test.replacing", replacing)
codecs.register_error("test.mutating", mutating)
codecs.register_error("test.shorter", shorter)

for encoding, data in [("ascii", b"\xff"), ("utf-8", b"\xff"), ("utf-16", b"\xff"),
                       ("utf-32", b"\xff"), ("latin-1", b"abc")]:
    try:
        print(encoding, "replacing:", repr(data.decode(encoding, "test.replacing")))
    except TypeError as e:
        print(encoding, "replacing: TypeError:", e)
    print(encoding, "mutating:", repr(data.decode(encoding, "test.mutating")))

print(repr(b"ab\xffcd\xfeef".decode("ascii", "test.shorter")))
print(repr(b"ab\xffcd\xfeef".decode("utf-8", "test.shorter")))
