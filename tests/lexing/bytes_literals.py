# Bytes literals: escapes, raw bytes, repr choices.
print(b'abc', b"\x00\xff\n\t\\", b'\101\102', len(b'\x00\x01'))
print(rb'\x00', len(rb'\x00'), b'it\'s', b"\"q\"", b'both \' and "')
print(b'a' b'b', b'' == bytes(), b'\xe9'[0], list(b'AZ'))
print(repr(b"'"), repr(b'"'), repr(b'\x7f\x80'))
