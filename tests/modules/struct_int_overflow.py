# struct.pack: an int that overflows a float ('e', 'f', 'd') or pointer ('P') conversion
# is struct.error "int too large to convert"; integer codes keep their own messages.
import struct
for fmt in ('e', '<e', '>e', 'f', '<f', 'P', 'n', 'N', 'L', 'Q', '<Q', 'q', 'b'):
    for v in ((1 << 128) - 1, 1 << 1100, -(1 << 70)):
        try:
            struct.pack(fmt, v)
            print(fmt, "packed")
        except (struct.error, OverflowError) as e:
            print(fmt, type(e).__name__, e)
for fmt in ('e', 'f'):
    try:
        struct.pack(fmt, 1e300)
    except (struct.error, OverflowError) as e:
        print(fmt, "float", type(e).__name__, e)
print(len(struct.pack('P', 12345)), struct.unpack('P', struct.pack('P', 12345)))
