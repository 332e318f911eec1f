import base64, binascii
d = b"any carnal pleas\xff\x00"
for enc, dec in [(base64.b64encode, base64.b64decode), (base64.urlsafe_b64encode, base64.urlsafe_b64decode),
                 (base64.b32encode, base64.b32decode), (base64.b16encode, base64.b16decode),
                 (base64.a85encode, base64.a85decode), (base64.b85encode, base64.b85decode),
                 (base64.b32hexencode, base64.b32hexdecode)]:
    e = enc(d); print(enc.__name__, e, dec(e) == d)
print(base64.encodebytes(b"x" * 60), base64.standard_b64decode("YWJj"))
try:
    base64.b64decode("abc", validate=True)
except binascii.Error as e:
    print("Error:", e)
print(binascii.hexlify(b"\x01\xab", "-"), binascii.unhexlify("01ab"), binascii.crc32(b"hello"), binascii.b2a_base64(b"hi"))
