# struct.unpack_from / pack_into with negative and too-large offsets: error messages.
import struct

buf = bytearray(10)
for fmt, off in [("<I", -2), ("<B", -11), ("<I", -4), ("<I", 8), ("<I", 7), ("<B", -10), ("<H", 100)]:
    try:
        print("unpack", fmt, off, struct.unpack_from(fmt, buf, off))
    except struct.error as e:
        print("unpack", fmt, off, "error:", e)
    try:
        struct.pack_into(fmt, buf, off, 1)
        print("pack", fmt, off, bytes(buf))
    except struct.error as e:
        print("pack", fmt, off, "error:", e)
s = struct.Struct("<hh")
for off in (-3, -4, -12, 7):
    try:
        print(s.unpack_from(b"abcdefgh", off))
    except struct.error as e:
        print("error:", e)
