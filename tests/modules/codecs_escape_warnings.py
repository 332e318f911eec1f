# codecs.escape_decode warns (DeprecationWarning) about its first invalid escape, as 3.11.
import codecs, warnings
for b in [b"\\q", b"\\Q", b"\\8", b"\\9", b"\\\xfa", b"\\400", b"\\777", b"\\12\\q", b"ok\\n", b"\\x4", b"\\0"]:
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            r = codecs.escape_decode(b)
        except ValueError as e:
            r = ("ValueError", str(e))
    print(b, r, [str(x.message) for x in w], [x.category.__name__ for x in w])
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        codecs.escape_decode(b"\\z")
    except DeprecationWarning as e:
        print("DeprecationWarning", e)
