import zlib
data = b"hello hello hello hello " * 20
c = zlib.compress(data)
print(len(c), zlib.decompress(c) == data, zlib.crc32(data), zlib.adler32(data))
print(zlib.compress(b"abc", 9), zlib.compress(b"", 0))
co = zlib.compressobj(6, zlib.DEFLATED, -15)
raw = co.compress(data) + co.flush()
do = zlib.decompressobj(-15)
print(len(raw), do.decompress(raw) == data, do.eof, do.unused_data)
d = zlib.decompressobj(); out = d.decompress(c + b"extra", 10); print(out, len(d.unconsumed_tail))
try:
    zlib.decompress(b"garbage")
except zlib.error as e:
    print("error:", e)
print(zlib.ZLIB_VERSION[:2], zlib.MAX_WBITS, zlib.Z_BEST_COMPRESSION)
