# binascii.b2a_qp / a2b_qp: quoting rules, soft line breaks, CRLF data, header mode.
import binascii

cases = [
    b"", b"hello", b"a=b", b"tab\tend\t", b"space at end ", b"line1\nline2 \nline3",
    b"crlf\r\nline \r\nend", b".\n", b"x\n.\n", b"\x00\x01\xff\x80", b"under_score me",
    b"a" * 100, b"=" * 40, (b"abc " * 30) + b"\n", b"\r\n" + b"b" * 80 + b"\r\n",
    bytes(range(256)),
]
for data in cases:
    for kw in ({}, {"quotetabs": True}, {"istext": False}, {"header": True},
               {"quotetabs": 1, "istext": 0, "header": 1}):
        enc = binascii.b2a_qp(data, **kw)
        dec = binascii.a2b_qp(enc, header=bool(kw.get("header")))
        print(kw, enc[:120], dec == data)

print(binascii.b2a_qp(memoryview(b"mv=1")), binascii.b2a_qp(bytearray(b"ba \n")))
for bad in ("text", 5, None):
    try:
        binascii.b2a_qp(bad)
    except TypeError as e:
        print("TypeError", e)
print(binascii.a2b_qp(b"=41=4"), binascii.a2b_qp("a_b=\nc", header=True))
