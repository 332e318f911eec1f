# bytes: construction, repr, methods
print(str(b"abc"), repr(b"a'b"), repr(b'a"b\'c'), bytes(3), bytes([65, 66]), bytes("é", "utf-8"), bytes(b"x"), bytes(bytearray(b"y")), b"\x00\x7f\x80\xff\t\n")
print(b"abc".hex(), b"abc".hex(":"), b"abcdef".hex("-", 2), b"abcdef".hex("-", -4), bytes.fromhex("61 62"), bytes.fromhex(""), b"".hex())
print(b"a,b".split(b","), b" a  b ".split(), b"abc".upper(), b"ABC".lower(), b"hello world".title(), b"ab".center(6, b"*"), b"42".zfill(5))
print(b"abc"[1], b"abc"[1:], b"abc"[::-1], b"abc" + b"def", b"ab" * 3, 98 in b"abc", b"bc" in b"abc", b"abc".find(b"c"), b"abc".count(b"b"), b"abc".index(99))
print(b"%s-%d-%x-%r-%c-%5.2f" % (b"x", 5, 255, "é", 65, 2.5), b"%(k)s" % {b"k": b"v"}, b"%b" % bytearray(b"ba"))
print(b"a-b".replace(b"-", b"+"), b" x ".strip(), b"xxaxx".strip(b"x"), b"a\nb\r\nc".splitlines(), b"a.b".partition(b"."), b"-".join([b"a", bytearray(b"b")]))
print(b"abc".startswith(b"a"), b"abc".endswith((b"x", b"c")), b"abc".isalpha(), b"123".isdigit(), b"Ab".istitle(), b"\xff".isascii(), b"abc".removeprefix(b"a"))
print(b"abc".translate(bytes.maketrans(b"a", b"x")), b"abc".translate(None, b"b"), b"caf\xc3\xa9".decode(), b"\xff".decode("latin-1"), list(b"ab"), hash(b"ab") == hash("ab"))
print(b"abc" == b"abc", b"abc" < b"abd", b"a" == "a", b"abc" == bytearray(b"abc"), sorted([b"b", b"a"]), len(b"abc"), bytes(range(3)))
for f in [lambda: b"a" + "b", lambda: bytes("a"), lambda: bytes([256]), lambda: b"abc"[5], lambda: bytes.fromhex("zz"), lambda: b"a".index(b"z"), lambda: b"%d" % b"x", lambda: bytes(-1)]:
    try:
        print(f())
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)
