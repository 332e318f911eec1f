# UTF-8 decoding/encoding and str slicing through unicodeobject.c's fast paths: ASCII runs
# scanned eight bytes at a time (runs of every length around 8/32 and misalignment), the
# direct two-byte decode, wider chars after Latin-1 ones, errors right after fast runs,
# incremental decoding split inside sequences, and slices whose largest char decides the
# result's kind (isascii, sys.getsizeof as CPython's compact layout).
import codecs
import sys

pieces = ["", "a", "abcdefg", "abcdefgh", "abcdefghi", "x" * 31, "y" * 32, "z" * 33, "é",
          "ÿ", "ā", "\u07ff", "\u0800", "中", "\U0001f600", "\x80", "\x7f"]
count = 0
for a in pieces:
    for b in pieces:
        for c in pieces[:9]:
            s = a + b + c
            e = s.encode()
            assert e.decode() == s and e.decode("utf-8") == s
            assert len(e) == sum(len(ch.encode()) for ch in s)
            count += 1
print(count, "round trips")

for s in ["plain ascii text " * 5, "caf\xe9 na\xefve " * 4, "\xe9" * 40 + "\u0101", "\xff" * 9 + "\u4e2d",
          "\U0001f600" + "abc" * 12]:
    e = s.encode()
    print(len(s), len(e), e[:24], e.decode() == s, sys.getsizeof(e.decode()) - sys.getsizeof(""))
    for i in range(0, len(s), 7):
        t = s[i:i + 9]
        print(repr(t), t.isascii(), sys.getsizeof(t))

bad = [b"abcdefgh\xffxyz", b"a" * 40 + b"\xc3", b"a" * 40 + b"\xc3(", b"\xe9t\xe9", b"ok\xed\xa0\x80",
       b"x" * 17 + b"\xf0\x9f\x98", b"\xc2\xc2\xa9" * 3, b"\xc0\xaf" + b"z" * 9]
for b in bad:
    for errors in ["replace", "ignore", "surrogateescape", "backslashreplace", "strict"]:
        try:
            print(errors, repr(b.decode("utf-8", errors)))
        except UnicodeDecodeError as exc:
            print(errors, "error", exc.start, exc.end, exc.reason)
print(repr("ok\udcff".encode("utf-8", "surrogateescape")), repr("\xe9\ud800x".encode("utf-8", "replace")))

text = ("line %d: caf\xe9 \u4e2d\n" * 50).encode()
for step in (1, 2, 3, 5, 8, 13):
    dec = codecs.getincrementaldecoder("utf-8")()
    out = "".join(dec.decode(text[i:i + step]) for i in range(0, len(text), step)) + dec.decode(b"", True)
    print(step, out == text.decode(), len(out))
