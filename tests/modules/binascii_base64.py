import binascii, base64
data = bytes(range(256)) * 2
for n in (0, 1, 2, 3, 4, 5, 57, 100):
    enc = base64.b64encode(data[:n])
    assert base64.b64decode(enc) == data[:n]
    print(n, enc[:24], binascii.b2a_base64(data[:n], newline=False)[-4:])
print(base64.urlsafe_b64encode(b"\xff\xfe\xfd"), base64.b32encode(b"hello"), base64.b16encode(b"hi"))
print(base64.b85encode(b"hello world"), base64.a85encode(b"hello world"))
print(base64.b64decode("aGVs bG8=\n"), binascii.a2b_base64(b"aGVsbG8"+b"=="), binascii.a2b_base64("YQ==YQ=="))
for bad in [b"aGVsbG8", b"a", b"abcde"]:
    try: binascii.a2b_base64(bad)
    except binascii.Error as e: print("Error", e)
for bad in [b"=abc", b"ab!c", b"YQ==YQ==", b"Y=Q="]:
    try: print(binascii.a2b_base64(bad, strict_mode=True))
    except binascii.Error as e: print("strict Error", e)
try: base64.b64decode(b"ab!c", validate=True)
except binascii.Error as e: print("validate", e)
print(binascii.hexlify(b"\x01\xab\xff"), binascii.hexlify(b"abcdefg", "-", 3), binascii.hexlify(b"abcdefg", b":", -3))
print(binascii.unhexlify("01abFF"), bytes.fromhex("0a0b"), binascii.a2b_hex(b""))
for bad in ["abc", "zz"]:
    try: binascii.unhexlify(bad)
    except binascii.Error as e: print("Error", e)
for bad in [1, "é"]:
    try: binascii.unhexlify(bad)
    except (TypeError, ValueError) as e: print(type(e).__name__, e)
try: binascii.b2a_base64("str")
except TypeError as e: print(e)
print(binascii.crc32(b"hello world"), binascii.crc32(b"world", binascii.crc32(b"hello ")), binascii.crc_hqx(b"hello", 0))
print(binascii.b2a_uu(b"Cat"), binascii.a2b_uu(binascii.b2a_uu(b"hello there")), binascii.b2a_uu(b"", backtick=True))
print(binascii.a2b_qp(b"a=3Db=\nc_d", header=True), issubclass(binascii.Error, ValueError))
