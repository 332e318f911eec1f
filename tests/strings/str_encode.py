# encode/decode with the built-in codecs and error handlers
print("x".encode(), "é".encode(), "é".encode("latin-1"), "😀".encode("utf-16"), "😀".encode("utf-16-le"), "ab".encode("utf-32-be"), "é".encode("UTF_8"))
print(b"\xc3\xa9".decode(), b"\xff".decode("utf-8", "replace"), b"\xff".decode("latin-1"), b"a\xffb".decode("utf-8", "ignore"), b"\xff\xfe".decode("utf-8", "backslashreplace"))
print("é".encode("ascii", "xmlcharrefreplace"), "é😀".encode("ascii", "backslashreplace"), "é".encode("ascii", "namereplace"), "é".encode("ascii", "replace"), "é".encode("ascii", "ignore"))
print(b"\xff\xfe".decode("utf-8", "surrogateescape").encode("utf-8", "surrogateescape"), "\ud800".encode("utf-8", "surrogatepass"), b"\xed\xa0\x80".decode("utf-8", "surrogatepass") == "\ud800")
print(b"\xff\xfeA\x00".decode("utf-16"), b"\x00A".decode("utf-16-be"), "a\\u00e9".encode().decode("unicode-escape"), "é\n".encode("unicode-escape"), "é".encode("raw-unicode-escape"))
for f in [lambda: b"\xff".decode(), lambda: b"\xc3".decode(), lambda: b"\xe0\x80".decode(), lambda: b"a\xed\xa0\x80".decode(), lambda: "é".encode("ascii"),
          lambda: "aé😀b".encode("latin-1"), lambda: "\ud800".encode(), lambda: "x".encode("nope"), lambda: b"\x80".decode("ascii"), lambda: "x".encode("utf-8", "bogus")]:
    try:
        print(f())
    except (UnicodeError, LookupError) as e:
        print(type(e).__name__, e)
