import gzip, io, os, tempfile
data = b"line one\nline two\n" * 50
c = gzip.compress(data, mtime=0)
print(len(c), c[:4], gzip.decompress(c) == data)
buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0) as f:
    f.write(data)
buf.seek(0)
with gzip.GzipFile(fileobj=buf) as f:
    print(f.readline(), len(f.read()))
d = tempfile.mkdtemp(); p = os.path.join(d, "x.gz")
with gzip.open(p, "wt", encoding="utf-8") as f:
    f.write("héllo\n")
with gzip.open(p, "rt", encoding="utf-8") as f:
    print(f.read())
os.remove(p); os.rmdir(d)
try:
    gzip.decompress(b"not gzip")
except gzip.BadGzipFile as e:
    print("BadGzipFile:", e)
