# bz2: one-shot and incremental compression, max_length, eof/unused_data/needs_input, errors
import bz2, io
data = b"hello bz2 world " * 500 + bytes(range(256))
c = bz2.compress(data)
print(c[:4], bz2.decompress(c) == data)
print(bz2.decompress(c + c) == data * 2)
comp = bz2.BZ2Compressor(5)
parts = [comp.compress(data[i:i + 1000]) for i in range(0, len(data), 1000)]
parts.append(comp.flush())
blob = b"".join(parts)
print(bz2.decompress(blob) == data)
try:
    comp.compress(b"x")
except ValueError as e:
    print("ValueError:", e)
try:
    comp.flush()
except ValueError as e:
    print("ValueError:", e)
d = bz2.BZ2Decompressor()
print(d.eof, d.needs_input, d.unused_data)
out = d.decompress(blob, max_length=100)
print(len(out), d.needs_input, d.eof)
rest = d.decompress(b"")
print(out + rest == data, d.eof, d.needs_input)
d = bz2.BZ2Decompressor()
out = d.decompress(blob + b"trailing")
print(out == data, d.eof, d.unused_data)
try:
    d.decompress(b"more")
except EOFError as e:
    print("EOFError:", e)
try:
    bz2.decompress(b"not bzip2 data at all")
except OSError as e:
    print("OSError:", e)
try:
    bz2.decompress(c[:-10])
except ValueError as e:
    print("ValueError:", e)
except EOFError as e:
    print("EOFError:", e)
try:
    bz2.BZ2Compressor(0)
except ValueError as e:
    print("ValueError:", e)
for lvl in (1, 9):
    print(lvl, bz2.decompress(bz2.compress(b"abc" * 100, lvl)) == b"abc" * 100)
f = io.BytesIO()
with bz2.BZ2File(f, "wb") as bf:
    bf.write(b"line one\nline two\n")
f.seek(0)
with bz2.open(f, "rt") as tf:
    print(tf.readlines())
print(bz2.decompress(b""))
print(type(bz2.BZ2Compressor()).__name__, type(bz2.BZ2Decompressor()).__name__)
