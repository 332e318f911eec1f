# lzma: xz/alone/raw formats, checks, filters, incremental decompression, errors
import lzma, io
data = b"lzma test data " * 400 + bytes(range(256))
x = lzma.compress(data)
print(x[:6], lzma.decompress(x) == data)
print(lzma.decompress(x + x) == data * 2)
for chk in (lzma.CHECK_NONE, lzma.CHECK_CRC32, lzma.CHECK_CRC64, lzma.CHECK_SHA256):
    blob = lzma.compress(data, check=chk)
    d = lzma.LZMADecompressor()
    print(chk, d.check, d.decompress(blob) == data, d.check, d.eof)
a = lzma.compress(data, format=lzma.FORMAT_ALONE)
print(lzma.decompress(a) == data, lzma.decompress(a, format=lzma.FORMAT_ALONE) == data)
filters = [{"id": lzma.FILTER_DELTA, "dist": 4}, {"id": lzma.FILTER_LZMA2, "preset": 6 | lzma.PRESET_EXTREME}]
r = lzma.compress(data, format=lzma.FORMAT_RAW, filters=filters)
print(lzma.decompress(r, format=lzma.FORMAT_RAW, filters=filters) == data)
xf = lzma.compress(data, filters=[{"id": lzma.FILTER_X86}, {"id": lzma.FILTER_LZMA2}])
print(lzma.decompress(xf) == data)
d = lzma.LZMADecompressor()
out = d.decompress(x, max_length=50)
print(len(out), d.needs_input, d.eof)
out += d.decompress(b"")
print(out == data, d.eof, d.unused_data)
d = lzma.LZMADecompressor()
print(d.decompress(x + b"junk") == data, d.unused_data)
try:
    d.decompress(b"x")
except EOFError as e:
    print("EOFError:", e)
c = lzma.LZMACompressor()
blob = c.compress(data[:1000]) + c.compress(data[1000:]) + c.flush()
print(lzma.decompress(blob) == data)
try:
    c.flush()
except ValueError as e:
    print("ValueError:", e)
for bad in (dict(format=lzma.FORMAT_RAW), dict(format=lzma.FORMAT_ALONE, check=lzma.CHECK_CRC32),
            dict(preset=1, filters=[{"id": lzma.FILTER_LZMA2}]), dict(format=lzma.FORMAT_AUTO),
            dict(filters=[{"id": 12345}]), dict(filters=[{"dist": 3}]),
            dict(filters=[{"id": lzma.FILTER_DELTA, "bogus": 3}])):
    try:
        lzma.LZMACompressor(**bad)
    except (ValueError, TypeError, lzma.LZMAError) as e:
        print(type(e).__name__, e)
try:
    lzma.decompress(b"definitely not xz")
except lzma.LZMAError as e:
    print("LZMAError:", e)
try:
    lzma.decompress(x[:-20])
except (lzma.LZMAError, EOFError) as e:
    print(type(e).__name__, e)
print(lzma.is_check_supported(lzma.CHECK_NONE), lzma.is_check_supported(lzma.CHECK_SHA256))
props = lzma._encode_filter_properties({"id": lzma.FILTER_LZMA1, "dict_size": 1 << 20})
print(props, lzma._decode_filter_properties(lzma.FILTER_LZMA1, props))
print(lzma._decode_filter_properties(lzma.FILTER_DELTA, b"\x03"))
print(lzma.CHECK_UNKNOWN, lzma.CHECK_ID_MAX, lzma.FILTER_LZMA2, lzma.PRESET_EXTREME, lzma.MF_BT4)
f = io.BytesIO()
with lzma.open(f, "wt") as tf:
    tf.write("some text\nmore\n")
f.seek(0)
with lzma.LZMAFile(f) as lf:
    print(lf.read())
