import codecs
for enc in ["utf-8", "utf-16", "utf-16-le", "utf-32-be", "latin-1", "ascii", "cp1252", "utf-8-sig", "idna", "rot13" if False else "mac-roman"]:
    try:
        print(enc, codecs.encode("héllo", enc), codecs.decode(codecs.encode("héllo", enc), enc), codecs.lookup(enc).name)
    except UnicodeError as e:
        print(enc, type(e).__name__, e)
print(codecs.encode("abc", "rot13"), codecs.decode(b"68656c6c6f", "hex"), codecs.encode(b"hi", "base64"))
print("x\u20ac".encode("ascii", "replace"), "x\u20ac".encode("ascii", "xmlcharrefreplace"), "x\u20ac".encode("ascii", "backslashreplace"), b"a\xffb".decode("utf-8", "replace"), b"a\xffb".decode("utf-8", "surrogateescape"))
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print(e)
dec = codecs.getincrementaldecoder("utf-8")(); print(repr(dec.decode(b"\xe2\x82")), repr(dec.decode(b"\xac")))
print(codecs.BOM_UTF8, codecs.utf_8_encode("é"), codecs.escape_decode(b"\\n"), codecs.unicode_escape_decode(b"\\u00e9"))
codecs.register_error("qa", lambda e: ("?" * (e.end - e.start), e.end)); print("é€x".encode("ascii", "qa"))
try:
    codecs.lookup("no-such-codec")
except LookupError as e:
    print(e)
