# BZ2Decompressor after libbzip2 reports bad data: needs_input goes False and every later
# call raises ValueError (calling libbzip2 again on that stream corrupted memory).
from bz2 import BZ2Decompressor, BZ2Compressor
data = bytes.fromhex(
    "425a6839314159265359000000000000007fffff000000000000000000000000"
    "00000000000000000000000000000000000000e0370000000000000000000000"
    "000000000000000000000000000000000000000000000000000083f3")
for max_length in (-1, 10):
    bzd = BZ2Decompressor()
    for d in (data, b'\x00' * 18, b'', b'BZh9'):
        try:
            print(bzd.decompress(d, max_length))
        except Exception as e:
            print(type(e).__name__, e)
        print(bzd.needs_input, bzd.eof, bzd.unused_data)
c = BZ2Compressor()
stream = c.compress(b'hello' * 100) + c.flush()
bzd = BZ2Decompressor()
print(bzd.decompress(stream[:20], 5), bzd.needs_input)
print(len(bzd.decompress(stream[20:])), bzd.eof, bzd.needs_input)
try:
    bzd.decompress(b'x')
except EOFError as e:
    print('EOFError', e)
